package sosrelay.doctor;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * {@code java -jar tools/doctor/target/doctor.jar --stack NAME [--region R] [--profile P]}, or {@code --outputs FILE}
 * for the local stack: run after {@code sam deploy} (docs/deploy.md, step 8). Exit 0: everything checked is in place;
 * 1: problems, each printed; 2: it could not look (a wrong option, no region, no such stack).
 */
public final class DoctorCommand {
    static final String USAGE = "usage: java -jar doctor.jar --stack NAME [--region REGION] [--profile PROFILE] | --outputs FILE";

    private DoctorCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Optional<String> stackName = Optional.empty();
        Optional<String> region = Optional.empty();
        Optional<String> profile = Optional.empty();
        Optional<Path> outputs = Optional.empty();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                err.println(args[i] + " needs a value\n" + USAGE);
                return 2;
            }
            switch (args[i]) {
                case "--stack" -> stackName = Optional.of(args[i + 1]);
                case "--region" -> region = Optional.of(args[i + 1]);
                case "--profile" -> profile = Optional.of(args[i + 1]);
                case "--outputs" -> outputs = Optional.of(Path.of(args[i + 1]));
                default -> {
                    err.println("unknown option " + args[i] + "\n" + USAGE);
                    return 2;
                }
            }
        }
        if (stackName.isPresent() == outputs.isPresent()) {
            err.println("give --stack or --outputs\n" + USAGE);
            return 2;
        }
        try {
            StackDescription stack;
            AwsCredentialsProvider credentials;
            if (outputs.isPresent()) {
                stack = StackDescription.fromFile(outputs.get());
                credentials = stack.credentials().orElseGet(() -> DefaultCredentialsProvider.builder().build());
            } else {
                credentials = profile.<AwsCredentialsProvider>map(name -> ProfileCredentialsProvider.builder().profileName(name).build())
                        .orElseGet(() -> DefaultCredentialsProvider.builder().build());
                Optional<String> named = profile;
                String resolved = region.orElseGet(() -> defaultRegion(named));
                stack = new CloudFormationStacks(new SignedHttp(credentials, resolved), CloudFormationStacks.endpoint(resolved))
                        .describe(stackName.get(), resolved, Optional.of(credentials));
            }
            return new Doctor(stack, credentials, out).examine().isEmpty() ? 0 : 1;
        } catch (RuntimeException e) {
            err.println("doctor could not look: " + e.getMessage());
            return 2;
        }
    }

    private static String defaultRegion(Optional<String> profile) {
        var chain = DefaultAwsRegionProviderChain.builder();
        profile.ifPresent(chain::profileName);
        try {
            return chain.build().getRegion().id();
        } catch (SdkClientException e) {
            throw new IllegalStateException("no AWS region: pass --region, export AWS_REGION, or set region in the profile");
        }
    }
}
