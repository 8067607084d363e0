import Hummingbird

/// The request context of the sandbox's routes. It can close the very connection the
/// request came on, which the drop-connection fault needs.
struct SandboxRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    private let closeConnection: @Sendable () -> Void

    init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        let channel = source.channel
        self.closeConnection = { channel.close(promise: nil) }
    }

    /// Closes the connection at once, before any byte of an answer is written; the
    /// client sees the connection end with no response at all.
    func closeConnectionWithoutAnswer() {
        closeConnection()
    }
}
