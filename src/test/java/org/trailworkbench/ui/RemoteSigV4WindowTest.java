package org.trailworkbench.ui;

import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.trailworkbench.casefile.Case;
import org.trailworkbench.remote.RemoteTarget;
import org.trailworkbench.remote.SampleIndex;
import org.trailworkbench.remote.TestNode;
import org.trailworkbench.s3.SigV4CheckingProxy;
import org.trailworkbench.search.SearchRequest;
import org.trailworkbench.ui.cases.RemoteCaseDialog;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dialog's AWS SigV4 choice against "Amazon OpenSearch Service": the sample index on the test node behind
 * {@link SigV4CheckingProxy}, which refuses a request unless its signature is the one the test's keys give. The
 * keys are where the SDK's default chain looks first (system properties), as in {@code cli/SigV4CliTest}.
 */
@ExtendWith(ApplicationExtension.class)
class RemoteSigV4WindowTest {

    private static final AwsBasicCredentials KEYS = AwsBasicCredentials.create("AKIDTRAILWORKBENCHTEST", "sigv4-test-secret");
    /** 127.0.0.1 names no region, so the dialog's region field gives it. */
    private static final String REGION = "eu-west-1";

    @TempDir
    static Path settings;
    static SigV4CheckingProxy proxy;
    static String signedUrl;
    static long localTotal;

    private MainWindow window;

    @BeforeAll
    static void prepare() throws Exception {
        String direct = SampleIndex.url();
        proxy = new SigV4CheckingProxy(TestNode.get().url(), KEYS, REGION, "es");
        signedUrl = proxy.url().replace("http:", "opensearch:") + direct.substring(direct.lastIndexOf('/'));
        try (Case local = Case.open(SharedCase.get())) {
            localTotal = local.search().search(SearchRequest.of("")).total();
        }
    }

    @AfterAll
    static void stopProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    @Start
    void start(Stage primary) throws Exception {
        window = WindowFixture.start(settings, null);
    }

    @AfterEach
    void close() throws Exception {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        WindowFixture.close(window);
    }

    private RemoteCaseDialog openSignedDialog(FxRobot robot, String secret) {
        System.setProperty("aws.accessKeyId", KEYS.accessKeyId());
        System.setProperty("aws.secretAccessKey", secret);
        RemoteCaseDialog[] dialog = new RemoteCaseDialog[1];
        robot.interact(() -> dialog[0] = window.chooseRemoteCase());
        robot.clickOn("#remote-auth-sigv4");
        robot.interact(() -> {
            robot.lookup("#remote-url").queryAs(TextField.class).setText(signedUrl);
            robot.lookup("#remote-aws-region").queryAs(TextField.class).setText(REGION);
        });
        return dialog[0];
    }

    @Test
    void choosingSigV4ShowsProfileAndRegionInsteadOfUserAndPassword(FxRobot robot) {
        RemoteCaseDialog[] dialog = new RemoteCaseDialog[1];
        robot.interact(() -> dialog[0] = window.chooseRemoteCase());
        assertShown(robot, true, "#remote-user", "#remote-password");
        assertShown(robot, false, "#remote-aws-profile", "#remote-aws-region");

        robot.clickOn("#remote-auth-sigv4");
        assertShown(robot, false, "#remote-user", "#remote-password");
        assertShown(robot, true, "#remote-aws-profile", "#remote-aws-region");

        robot.clickOn("#remote-auth-basic");
        assertShown(robot, true, "#remote-user", "#remote-password");
        assertShown(robot, false, "#remote-aws-profile", "#remote-aws-region");
        robot.interact(() -> dialog[0].stage().close());
    }

    private static void assertShown(FxRobot robot, boolean shown, String... ids) {
        for (String id : ids) {
            assertThat(robot.lookup(id).queryAs(TextField.class).isVisible()).as(id).isEqualTo(shown);
        }
    }

    @Test
    void aSignedCaseOpensAndAnswersAsTheLocalOneDoes(FxRobot robot) throws Exception {
        int refusedBefore = proxy.refused();
        int signedBefore = proxy.signedRequests().size();
        RemoteCaseDialog dialog = openSignedDialog(robot, KEYS.secretAccessKey());
        robot.clickOn("#remote-connect");
        String shownName = RemoteTarget.parse(signedUrl, null, null).toString();
        WindowFixture.waitFor(() -> shownName.equals(window.model().caseNameProperty().get()));
        assertThat(dialog.stage().isShowing()).isFalse();
        assertThat(WindowFixture.settled(window).total()).isEqualTo(localTotal).isGreaterThan(10_000);
        assertThat(proxy.refused()).isEqualTo(refusedBefore);
        assertThat(proxy.signedRequests().size()).isGreaterThan(signedBefore);
    }

    @Test
    void aWrongSecretIsOneLineInTheDialog(FxRobot robot) throws Exception {
        RemoteCaseDialog dialog = openSignedDialog(robot, "not-the-secret");
        robot.clickOn("#remote-connect");
        WindowFixture.waitFor(() -> dialog.statusText().contains("403"));
        assertThat(dialog.statusText())
                .startsWith(signedUrl.replace("opensearch:", "http:") + ": 403 Forbidden")
                .contains("The request signature we calculated does not match") // signed, with the wrong key
                .doesNotContain("\n")
                .doesNotContain("not-the-secret");
        assertThat(dialog.stage().isShowing()).isTrue();
        assertThat(window.model().eventsProperty().get()).isNull();
        robot.interact(() -> dialog.stage().close());
    }
}
