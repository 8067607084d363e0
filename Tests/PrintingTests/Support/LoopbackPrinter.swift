import Foundation
import Synchronization

/// A real TCP listener on 127.0.0.1 standing in for a network receipt printer: it
/// accepts connections one after another, as a printer's port 9100 does, and keeps
/// what each sent as one job. `readsNothing` makes a printer that accepts and then
/// takes nothing (out of paper, with a tiny input buffer): its receive buffer is set
/// small, so a job larger than that stays unacknowledged.
final class LoopbackPrinter: Sendable {
    let port: Int
    private let listener: Int32
    private let state = Mutex(State())

    private struct State {
        var jobs: [[UInt8]] = []
        var open: [Int32] = []
        var stopped = false
    }

    init(readsNothing: Bool = false) throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EMFILE) }
        if readsNothing {
            // Inherited by accepted sockets; the kernel's minimum is about 2 KiB.
            var size: Int32 = 1024
            setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ready = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && listen(descriptor, 8) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard ready else {
            close(descriptor)
            throw POSIXError(.EADDRNOTAVAIL)
        }
        listener = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in serve(readsNothing: readsNothing) }
    }

    var setting: String { "escpos+tcp://127.0.0.1:\(port)" }

    /// Every finished job (connection closed by the sender), in order.
    var jobs: [[UInt8]] { state.withLock { $0.jobs } }

    /// Waits until `count` jobs have arrived (or a few seconds passed).
    func jobs(count: Int) async -> [[UInt8]] {
        for _ in 0..<500 {
            let jobs = self.jobs
            if jobs.count >= count { return jobs }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return jobs
    }

    /// Closes the listener and every connection it holds; every test calls it (the
    /// serving thread holds the listener until then).
    func stop() {
        let open = state.withLock { state in
            state.stopped = true
            return state.open
        }
        // shutdown wakes the thread blocked in accept or read.
        shutdown(listener, Int32(SHUT_RDWR))
        for descriptor in open { shutdown(descriptor, Int32(SHUT_RDWR)) }
    }

    private func serve(readsNothing: Bool) {
        defer {
            close(listener)
            state.withLock { $0.open }.forEach { close($0) }
        }
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR { continue }
                return
            }
            let stopped = state.withLock { state in
                state.open.append(connection)
                return state.stopped
            }
            if stopped { return }
            if readsNothing { continue }
            var job: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(connection, &buffer, buffer.count)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                job += buffer[0..<count]
            }
            state.withLock { state in
                state.jobs.append(job)
                state.open.removeAll { $0 == connection }
            }
            close(connection)
        }
    }
}
