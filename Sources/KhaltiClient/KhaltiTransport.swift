import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix

/// Timeouts in seconds. A payment waits longest: giving up early only turns a
/// payment that went through into a held one.
public struct KhaltiTimeouts: Sendable, Equatable {
    public var connect: Int = 5
    public var details: Int = 15
    public var payment: Int = 60
    public var lookup: Int = 15

    public init(connect: Int = 5, details: Int = 15, payment: Int = 60, lookup: Int = 15) {
        self.connect = connect
        self.details = details
        self.payment = payment
        self.lookup = lookup
    }
}

/// One raw exchange: the HTTP status and the body bytes.
struct RawAnswer: Sendable {
    let status: Int
    let contentType: String?
    let body: Data
}

/// Why no raw answer came. `neverSent` only where the request provably did not
/// leave (the connection could not be opened), which makes a payment safely unpaid.
enum TransportFailure: Error, Equatable {
    case neverSent(String)
    case timedOut
    case connectionLost
    case tooLarge

    func asKhaltiError(timeout: Int, answerLimit: Int) -> KhaltiError {
        switch self {
        case .neverSent(let reason): .cannotConnect(reason)
        case .timedOut: .timedOut(seconds: timeout)
        case .connectionLost: .connectionLost
        case .tooLarge: .answerTooLarge(limitBytes: answerLimit)
        }
    }
}

/// The HTTP layer: one AsyncHTTPClient for the process, so the details call and the
/// payment that follows reuse a connection. Redirects are refused: a payment must
/// reach the host that was configured, or nothing at all.
final class KhaltiTransport: Sendable {
    let http: HTTPClient
    let baseURL: String
    let maximumAnswerBytes: Int
    let logger: Logger
    /// The logger AsyncHTTPClient gets: never below debug. At trace it logs every
    /// response part it reads, bytes and all, and an answer that echoes the request
    /// would put the token in the log (README "Configuration").
    let clientLogger: Logger

    init(baseURL: String, connectTimeout: Int, maximumAnswerBytes: Int, logger: Logger) {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(connect: .seconds(Int64(connectTimeout)))
        configuration.decompression = .disabled
        http = HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
        self.baseURL = baseURL
        self.maximumAnswerBytes = maximumAnswerBytes
        self.logger = logger
        var clientLogger = logger
        clientLogger.logLevel = max(logger.logLevel, .debug)
        self.clientLogger = clientLogger
    }

    func shutdown() async {
        try? await http.shutdown()
    }

    func post(_ path: String, json body: Data, timeoutSeconds: Int) async throws(TransportFailure) -> RawAnswer {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Accept", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: body))
        return try await send(request, path: path, timeoutSeconds: timeoutSeconds)
    }

    func get(_ path: String, query: [(String, String)], timeoutSeconds: Int) async throws(TransportFailure) -> RawAnswer {
        var components = URLComponents()
        components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) }
        // URLComponents leaves `+` and `:` alone; `+` would read as a space on the server.
        let encodedQuery = (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        var request = HTTPClientRequest(url: baseURL + path + "?" + encodedQuery)
        request.method = .GET
        request.headers.add(name: "Accept", value: "application/json")
        return try await send(request, path: path, timeoutSeconds: timeoutSeconds)
    }

    private func send(_ request: HTTPClientRequest, path: String, timeoutSeconds: Int) async throws(TransportFailure) -> RawAnswer {
        let started = ContinuousClock.now
        do {
            // The deadline covers the whole exchange, body included.
            let response = try await http.execute(request, deadline: .now() + .seconds(Int64(timeoutSeconds)), logger: clientLogger)
            let body = try await response.body.collect(upTo: maximumAnswerBytes)
            logger.debug("khalti answered", metadata: [
                "path": "\(path)", "status": "\(response.status.code)",
                "elapsed": "\(ContinuousClock.now - started)",
            ])
            return RawAnswer(
                status: Int(response.status.code),
                contentType: response.headers.first(name: "Content-Type"),
                body: Data(body.readableBytesView)
            )
        } catch {
            let failure = Self.classify(error)
            logger.info("khalti call failed", metadata: ["path": "\(path)", "failure": "\(failure)"])
            throw failure
        }
    }

    static func classify(_ error: any Error) -> TransportFailure {
        if error is NIOTooManyBytesError { return .tooLarge }
        if let client = error as? HTTPClientError {
            switch client {
            case .connectTimeout, .tlsHandshakeTimeout, .getConnectionFromPoolTimeout:
                return .neverSent("\(client)")
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return .timedOut
            default:
                return .connectionLost
            }
        }
        if error is NIOConnectionError { return .neverSent("connection refused") }
        if let io = error as? IOError, io.errnoCode == ECONNREFUSED { return .neverSent("connection refused") }
        if error is CancellationError { return .connectionLost }
        return .connectionLost
    }
}
