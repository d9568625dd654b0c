package sosrelay.directoryimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/** The region as the AWS CLI finds it: --region, else the SDK's default chain (here its system-property and profile links). */
class AwsSessionTest {
    @TempDir
    Path home;

    @AfterEach
    void clearSettings() {
        System.clearProperty("aws.region");
        System.clearProperty("aws.configFile");
    }

    @Test
    void regionComesFromTheDefaultChainWhenNotGiven() {
        System.setProperty("aws.region", "eu-west-1");

        assertThat(AwsSession.region(options(Optional.empty(), Optional.empty()))).isEqualTo(Region.EU_WEST_1);
    }

    @Test
    void dashDashRegionOverridesTheDefaultChain() {
        System.setProperty("aws.region", "eu-west-1");

        assertThat(AwsSession.region(options(Optional.of("ap-south-1"), Optional.empty()))).isEqualTo(Region.AP_SOUTH_1);
    }

    @Test
    void aNamedProfileBringsItsOwnRegion() throws IOException {
        Path config = Files.writeString(home.resolve("config"), """
                [profile hospital-sso]
                region = ap-southeast-1
                sso_session = hospital
                sso_account_id = 111122223333
                sso_role_name = DirectoryAdmin
                [sso-session hospital]
                sso_start_url = https://hospital.awsapps.com/start
                sso_region = ap-south-1
                """);
        System.setProperty("aws.configFile", config.toString());

        assertThat(AwsSession.region(options(Optional.empty(), Optional.of("hospital-sso")))).isEqualTo(Region.AP_SOUTHEAST_1);
    }

    private static ImportOptions options(Optional<String> region, Optional<String> profile) {
        return new ImportOptions(Path.of("c.yaml"), "t", region, profile, Optional.empty(), Optional.empty());
    }
}
