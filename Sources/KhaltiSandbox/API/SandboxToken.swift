/// The one token the sandbox accepts.
///
/// It is public on purpose: the sandbox holds no money, and clerks in training type it
/// freely. It has Khalti's test-token shape (`TEST:` prefix) so the console's token
/// handling is exercised the same way as with a real UAT token.
public enum SandboxToken {
    public static let value = "TEST:sandbox"
}
