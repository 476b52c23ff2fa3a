package org.trailworkbench.s3;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SafeKeysTest {

    final Path folder = Path.of("/evidence/case-42");

    @Test
    void keysInsideTheFolderArePaths() {
        assertThat(SafeKeys.resolve(folder, "AWSLogs/111122223333/CloudTrail/us-east-1/2025/03/06/a.json.gz"))
                .contains(Path.of("/evidence/case-42/AWSLogs/111122223333/CloudTrail/us-east-1/2025/03/06/a.json.gz"));
        assertThat(SafeKeys.resolve(folder, "name with spaces é.json")).isPresent();
    }

    @Test
    void keysThatWouldEscapeOrBeRewrittenAreRefused() {
        for (String key : new String[] {"../escape.json", "a/../../escape.json", "a/../b.json", "/etc/cron.d/x",
                "a//b.json", "./a.json", "a/./b.json", "C:/Windows/x.json", "a\\..\\b.json", "folder/", "", "..",
                "nul\0byte.json"}) {
            assertThat(SafeKeys.resolve(folder, key)).as(key).isEmpty();
        }
    }
}
