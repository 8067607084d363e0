import Hummingbird
import Synchronization

/// A throwaway HTTP server on a free loopback port, for a Khalti that misbehaves in ways
/// the sandbox never does (echoing the token back, answering with a redirect).
public enum LoopbackServer {
    /// Serves `router` while `body` runs with the server's base URL, then stops it.
    public static func with(_ router: Router<BasicRequestContext>, _ body: (String) async throws -> Void) async throws {
        let port = Mutex(0)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in port.withLock { $0 = channel.localAddress?.port ?? 0 } })
        let server = Task { try await app.run() }
        while port.withLock({ $0 }) == 0 { try await Task.sleep(for: .milliseconds(5)) }
        do {
            try await body("http://127.0.0.1:\(port.withLock { $0 })")
        } catch {
            server.cancel()
            _ = await server.result
            throw error
        }
        server.cancel()
        _ = await server.result
    }
}

/// How many requests a test server answered.
public final class RequestCount: Sendable {
    private let count = Mutex(0)

    public init() {}

    public var value: Int { count.withLock { $0 } }
    public func add() { count.withLock { $0 += 1 } }
}
