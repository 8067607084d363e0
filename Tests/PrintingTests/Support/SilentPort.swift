import Foundation

/// A loopback port where a connection is never answered, as a printer that is
/// switched off: a listener that never accepts, whose queue is already full, so
/// the kernel drops each new connection's first packet and the caller waits.
final class SilentPort {
    let port: Int
    private var descriptors: [Int32] = []

    init() async throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ready = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                listener >= 0 && bind(listener, $0, length) == 0 && listen(listener, 0) == 0 && getsockname(listener, $0, &length) == 0
            }
        }
        guard ready else { throw POSIXError(.EADDRNOTAVAIL) }
        descriptors.append(listener)
        port = Int(UInt16(bigEndian: address.sin_port))
        // A backlog of 0 queues one connection; two more make sure it is full.
        for _ in 0..<3 {
            let filler = socket(AF_INET, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue | SOCK_NONBLOCK.rawValue), 0)
            _ = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(filler, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            descriptors.append(filler)
        }
        // The fillers' handshakes complete at once on loopback; a moment for the kernel.
        try await Task.sleep(for: .milliseconds(100))
    }

    deinit {
        descriptors.forEach { close($0) }
    }
}
