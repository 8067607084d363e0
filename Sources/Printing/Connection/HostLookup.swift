import Foundation
import Synchronization

/// A socket address as getaddrinfo gave it.
struct SocketAddress: Sendable {
    let family: Int32
    let bytes: [UInt8]
}

/// The printer's host name to addresses, within a deadline.
///
/// An IP address is read at once. A name goes to getaddrinfo, which blocks and has no
/// timeout of its own (a dead name server costs 5 s a try), so it runs on a thread of
/// its own that is left to finish by itself if the deadline passes first.
enum HostLookup {
    static func addresses(
        of address: PrinterAddress, host: String, port: Int, until deadline: ContinuousClock.Instant, timeout: Duration
    ) async throws(PrinterError) -> [SocketAddress] {
        if case .success(let numeric) = lookUp(host, port: port, numericOnly: true) { return numeric }
        let answer = Answer()
        Thread.detachNewThread { answer.set(lookUp(host, port: port, numericOnly: false)) }
        while true {
            if let result = answer.result {
                switch result {
                case .success(let addresses): return addresses
                case .failure(let failure): throw .unknownHost(address, reason: failure.reason)
                }
            }
            if ContinuousClock.now >= deadline {
                throw .unknownHost(address, reason: "no answer from the name server within \(PrinterError.seconds(timeout)) s")
            }
            do {
                try await Task.sleep(for: Readiness.pause)
            } catch {
                throw .cancelled(address)
            }
        }
    }

    struct Failure: Error {
        let reason: String
    }

    static func lookUp(_ host: String, port: Int, numericOnly: Bool) -> Result<[SocketAddress], Failure> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV | (numericOnly ? AI_NUMERICHOST : 0)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0 else {
            switch status {
            case EAI_NONAME: return .failure(Failure(reason: "no such host"))
            case EAI_SYSTEM: return .failure(Failure(reason: String(cString: strerror(errno))))
            default: return .failure(Failure(reason: String(cString: gai_strerror(status))))
            }
        }
        defer { freeaddrinfo(list) }
        var addresses: [SocketAddress] = []
        var entry = list
        while let current = entry {
            if let socketAddress = current.pointee.ai_addr {
                let bytes = UnsafeRawBufferPointer(start: socketAddress, count: Int(current.pointee.ai_addrlen))
                addresses.append(SocketAddress(family: current.pointee.ai_family, bytes: Array(bytes)))
            }
            entry = current.pointee.ai_next
        }
        return addresses.isEmpty ? .failure(Failure(reason: "no such host")) : .success(addresses)
    }

    /// Written once by the lookup thread, read by the waiting task.
    private final class Answer: Sendable {
        private let value = Mutex<Result<[SocketAddress], Failure>?>(nil)

        var result: Result<[SocketAddress], Failure>? { value.withLock { $0 } }

        func set(_ result: Result<[SocketAddress], Failure>) {
            value.withLock { $0 = result }
        }
    }
}
