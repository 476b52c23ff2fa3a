package org.trailworkbench.ui.cases;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.trailworkbench.remote.RemoteCase;
import org.trailworkbench.remote.RemoteFailure;
import org.trailworkbench.remote.RemoteTarget;
import org.trailworkbench.remote.RequestSigner;
import org.trailworkbench.ui.errors.ErrorMessages;
import org.trailworkbench.ui.tasks.Running;
import org.trailworkbench.ui.tasks.TaskRunner;

import java.util.function.Consumer;

/**
 * File › Open remote case: the URL of an OpenSearch index, and either a user and a password (by default from the
 * same environment variables as the command line) or AWS SigV4 for Amazon OpenSearch Service, with an optional
 * profile and region (the command line's {@code --aws-sigv4 --profile --aws-region}). Connecting runs in the
 * background with a spinner; what went wrong (a malformed URL, a refused connection, a wrong password, a refused
 * signature, no such index) is one line in the dialog, which stays open to correct it. The password is never remembered, and AWS credentials never pass through the dialog.
 */
public final class RemoteCaseDialog {

    public static final String USER_VARIABLE = "TRAILWORKBENCH_OPENSEARCH_USER";
    public static final String PASSWORD_VARIABLE = "TRAILWORKBENCH_OPENSEARCH_PASSWORD";

    private final TaskRunner tasks;
    private final Consumer<RemoteCase> onOpened;
    private final Stage stage = new Stage();
    private final TextField url = new TextField();
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    private final RadioButton basicAuth = new RadioButton("User and password");
    private final RadioButton sigV4 = new RadioButton("AWS SigV4 (Amazon OpenSearch Service)");
    private final TextField awsProfile = new TextField();
    private final TextField awsRegion = new TextField();
    private final Label status = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final Button connect = new Button("Connect");
    private Running<RemoteCase> connecting;

    /**
     * @param lastUrl  the URL opened last, or null
     * @param lastUser the user name given last, or null for the environment's
     * @param onOpened gets the connected case on the FX thread; it then owns it
     */
    public RemoteCaseDialog(Window owner, TaskRunner tasks, String lastUrl, String lastUser, Consumer<RemoteCase> onOpened) {
        this.tasks = tasks;
        this.onOpened = onOpened;
        stage.initOwner(owner);
        stage.setTitle("Open remote case");
        url.setId("remote-url");
        url.setPromptText("opensearch://host:9200/index");
        url.setPrefColumnCount(34);
        url.setText(lastUrl == null ? "" : lastUrl);
        user.setId("remote-user");
        user.setPromptText("none");
        user.setText(lastUser != null ? lastUser : environment(USER_VARIABLE));
        password.setId("remote-password");
        password.setText(environment(PASSWORD_VARIABLE));
        ToggleGroup authentication = new ToggleGroup();
        basicAuth.setId("remote-auth-basic");
        basicAuth.setToggleGroup(authentication);
        basicAuth.setSelected(true);
        sigV4.setId("remote-auth-sigv4");
        sigV4.setToggleGroup(authentication);
        awsProfile.setId("remote-aws-profile");
        awsProfile.setPromptText("default chain");
        awsRegion.setId("remote-aws-region");
        awsRegion.setPromptText("from the host name, else the profile's");
        status.setId("remote-status");
        status.setWrapText(true);
        status.setMaxWidth(460);
        busy.setId("remote-busy");
        busy.setPrefSize(16, 16);
        busy.setVisible(false);

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("URL"), url);
        form.addRow(1, new Label("Sign in"), new HBox(12, basicAuth, sigV4));
        Label userLabel = new Label("User");
        Label passwordLabel = new Label("Password");
        Label profileLabel = new Label("AWS profile");
        Label regionLabel = new Label("AWS region");
        form.addRow(2, userLabel, user);
        form.addRow(3, passwordLabel, password);
        form.addRow(4, profileLabel, awsProfile);
        form.addRow(5, regionLabel, awsRegion);
        // only the rows of the chosen way to sign in take room; the others keep what was typed in them
        showOnlyWith(basicAuth, userLabel, user, passwordLabel, password);
        showOnlyWith(sigV4, profileLabel, awsProfile, regionLabel, awsRegion);
        GridPane.setHgrow(url, Priority.ALWAYS);
        Label hint = new Label("opensearch:// (HTTP), opensearchs:// or https:// (TLS); the path is the index, an alias or a pattern.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        hint.setMaxWidth(460);

        connect.setId("remote-connect");
        connect.setDefaultButton(true);
        connect.setOnAction(e -> connect());
        Button cancel = new Button("Cancel");
        cancel.setId("remote-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, busy, spacer, cancel, connect);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox root = new VBox(10, form, hint, status, buttons);
        root.setPadding(new Insets(16));
        root.setId("remote-dialog");
        stage.setScene(new Scene(root));
        if (owner != null && owner.getScene() != null) {
            stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        // closed while connecting: whatever the connection gives is not wanted any more
        stage.setOnHidden(e -> {
            if (connecting != null && !connecting.finished().isDone()) {
                connecting.cancel();
            }
        });
    }

    private static void showOnlyWith(RadioButton choice, Node... nodes) {
        for (Node node : nodes) {
            node.visibleProperty().bind(choice.selectedProperty());
            node.managedProperty().bind(choice.selectedProperty());
        }
    }

    private static String environment(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
    }

    /** Parses the URL at once (a typo needs no network), then connects and checks the index in the background. */
    public void connect() {
        if (connecting != null && !connecting.finished().isDone()) {
            return;
        }
        RemoteTarget target;
        // read on the FX thread; the signer is built in the background, as it reads the shared AWS config files
        SigV4Account account = sigV4.isSelected() ? new SigV4Account(awsProfile.getText().strip(),
                awsRegion.getText().strip()) : null;
        try {
            String name = account != null ? "" : user.getText().strip(); // a request carries a user or a signature
            target = RemoteTarget.parse(url.getText().strip(), name.isEmpty() ? null : name,
                    name.isEmpty() ? null : password.getText());
        } catch (IllegalArgumentException e) {
            showProblem(e.getMessage());
            return;
        }
        status.setText("Connecting to " + target + "…");
        status.getStyleClass().remove("error");
        busy.setVisible(true);
        connect.setDisable(true);
        connecting = tasks.run(cancel -> {
            RequestSigner signer = account == null ? null : account.signerFor(target.host());
            return RemoteCase.connect(target, RemoteCase.DEFAULT_ANSWER_TIMEOUT, signer).requireIndex();
        }, remote -> {
            busy.setVisible(false);
            connect.setDisable(false);
            if (!stage.isShowing()) {
                closeLater(remote); // cancelled while it connected
                return;
            }
            stage.close();
            onOpened.accept(remote);
        }, error -> {
            busy.setVisible(false);
            connect.setDisable(false);
            Throwable cause = ErrorMessages.unwrap(error);
            // the remote package's message is already one line naming the URL and the reason, as on the command line
            // as is the signer's when it finds no region
            boolean inWords = cause instanceof RemoteFailure || cause instanceof IllegalArgumentException;
            showProblem(inWords ? cause.getMessage() : ErrorMessages.describe(error));
        });
    }

    private void closeLater(RemoteCase remote) {
        tasks.run(cancel -> {
            remote.close();
            return null;
        }, x -> { }, TaskRunner.logged("closing the connection to " + remote.target()));
    }

    private void showProblem(String message) {
        String line = message == null ? "" : message.lines().findFirst().orElse("");
        status.setText(line);
        if (!status.getStyleClass().contains("error")) {
            status.getStyleClass().add("error");
        }
    }

    /** The one line the dialog shows under the form: progress or what went wrong. */
    public String statusText() {
        return status.getText();
    }
}
