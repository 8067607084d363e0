import Foundation

/// One job's connection to the printer: a TCP socket or a device file, non-blocking,
/// written within a deadline, closed after the job.
///
/// Plain POSIX calls rather than SwiftNIO: a job is one short write to one
/// descriptor, and the same code then serves the socket and the device file. NIO
/// registers descriptors with epoll, which refuses regular files (the tests' stand-in
/// for /dev/usb/lp0), and would bring an event loop to run and shut down for it.
struct PrinterLink {
    let descriptor: Int32
    let address: PrinterAddress

    private var isSocket: Bool {
        if case .network = address { return true }
        return false
    }

    static func open(_ address: PrinterAddress, timeouts: PrinterTimeouts) async throws(PrinterError) -> PrinterLink {
        switch address {
        case .network(let host, let port):
            return PrinterLink(descriptor: try await connect(address, host: host, port: port, timeout: timeouts.connect), address: address)
        case .device(let path):
            return PrinterLink(descriptor: try openDevice(address, path: path), address: address)
        }
    }

    /// Hands over every byte, then (a socket) waits until the printer has acknowledged
    /// them: the kernel takes a small job at once whether or not the printer is taking
    /// anything, and only the acknowledgements tell a working printer from a stuck one.
    func write(_ bytes: [UInt8], timeout: Duration) async throws(PrinterError) {
        let deadline = ContinuousClock.now + timeout
        var taken = 0
        while taken < bytes.count {
            let result = bytes[taken...].withUnsafeBytes { buffer in
                // MSG_NOSIGNAL: a printer that hangs up must not raise SIGPIPE in the console.
                isSocket
                    ? send(descriptor, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL))
                    : Foundation.write(descriptor, buffer.baseAddress, buffer.count)
            }
            if result > 0 {
                taken += result
                continue
            }
            let code = result < 0 ? errno : EIO
            if code == EINTR { continue }
            guard code == EAGAIN || code == EWOULDBLOCK else { throw lost(code) }
            switch await Readiness.wait(descriptor, for: Int16(POLLOUT), until: deadline) {
            case .ready: continue
            case .timedOut: throw .notTaking(address, after: timeout, taken: taken, total: bytes.count)
            case .cancelled: throw .cancelled(address)
            case .failed(let code): throw .system(call: "poll", reason: String(cString: strerror(code)))
            }
        }
        if isSocket { try await drain(total: bytes.count, until: deadline, timeout: timeout) }
    }

    /// After a failure the kernel's unsent bytes are dropped (a reset, not a close), so
    /// a printer that comes back later does not print half a receipt the clerk has
    /// meanwhile printed again.
    func close(discardingUnsent: Bool) {
        if discardingUnsent && isSocket {
            var dropAll = linger(l_onoff: 1, l_linger: 0)
            _ = setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &dropAll, socklen_t(MemoryLayout<linger>.size))
        }
        Foundation.close(descriptor)
    }

    private func drain(total: Int, until deadline: ContinuousClock.Instant, timeout: Duration) async throws(PrinterError) {
        while true {
            var unacknowledged: Int32 = 0
            guard ioctl(descriptor, UInt(TIOCOUTQ), &unacknowledged) == 0 else { return }
            if unacknowledged == 0 { return }
            var entry = pollfd(fd: descriptor, events: 0, revents: 0)
            if poll(&entry, 1, 0) > 0, entry.revents & Int16(POLLERR | POLLHUP) != 0 {
                throw lost(Self.pendingError(descriptor) ?? ECONNRESET)
            }
            if ContinuousClock.now >= deadline {
                throw .notTaking(address, after: timeout, taken: total - Int(unacknowledged), total: total)
            }
            do {
                try await Task.sleep(for: Readiness.pause)
            } catch {
                throw .cancelled(address)
            }
        }
    }

    private func lost(_ code: Int32) -> PrinterError {
        if !isSocket && (code == ENODEV || code == ENXIO) {
            return .deviceFailed(address, reason: "the printer went away: switched off or unplugged?")
        }
        return .connectionLost(address, reason: String(cString: strerror(code)))
    }

    private static func connect(_ address: PrinterAddress, host: String, port: Int, timeout: Duration) async throws(PrinterError) -> Int32 {
        let deadline = ContinuousClock.now + timeout
        let candidates = try await HostLookup.addresses(of: address, host: host, port: port, until: deadline, timeout: timeout)
        var failure = PrinterError.notAnswering(address, after: timeout)
        for candidate in candidates {
            let descriptor = socket(candidate.family, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue | SOCK_NONBLOCK.rawValue), 0)
            guard descriptor >= 0 else { throw .system(call: "socket", reason: String(cString: strerror(errno))) }
            let started = candidate.bytes.withUnsafeBytes { raw in
                Foundation.connect(descriptor, raw.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t(raw.count))
            }
            var code = started == 0 ? 0 : errno
            if code == EINPROGRESS {
                switch await Readiness.wait(descriptor, for: Int16(POLLOUT), until: deadline) {
                case .ready: code = pendingError(descriptor) ?? 0
                case .timedOut:
                    Foundation.close(descriptor)
                    throw .notAnswering(address, after: timeout)
                case .cancelled:
                    Foundation.close(descriptor)
                    throw .cancelled(address)
                case .failed(let pollCode): code = pollCode
                }
            }
            if code == 0 { return descriptor }
            Foundation.close(descriptor)
            failure = connectFailure(address, code: code, timeout: timeout)
        }
        throw failure
    }

    private static func connectFailure(_ address: PrinterAddress, code: Int32, timeout: Duration) -> PrinterError {
        switch code {
        case ECONNREFUSED: .refused(address)
        case ETIMEDOUT: .notAnswering(address, after: timeout)
        case EHOSTUNREACH, ENETUNREACH, EHOSTDOWN, ENETDOWN, EADDRNOTAVAIL: .unreachable(address, reason: String(cString: strerror(code)))
        default: .connectionLost(address, reason: String(cString: strerror(code)))
        }
    }

    /// The socket's pending error (SO_ERROR), nil when there is none.
    private static func pendingError(_ descriptor: Int32) -> Int32? {
        var code: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &code, &length) == 0 else { return errno }
        return code == 0 ? nil : code
    }

    /// Opened for writing only, never created (a typo must not make a file the
    /// console then prints into), never made the console's controlling terminal, not
    /// inherited by print commands. Non-blocking so a stuck printer cannot hold the
    /// console past the timeout; appending, so a stand-in file keeps each job in turn.
    private static func openDevice(_ address: PrinterAddress, path: String) throws(PrinterError) -> Int32 {
        var descriptor: Int32
        repeat {
            descriptor = Foundation.open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK | O_APPEND)
        } while descriptor < 0 && errno == EINTR
        guard descriptor < 0 else { return descriptor }
        switch errno {
        case ENOENT: throw .deviceMissing(address)
        case EACCES, EPERM: throw .permissionDenied(address)
        case ENODEV, ENXIO: throw .deviceFailed(address, reason: "no printer answers on it: switched off or unplugged?")
        case EBUSY: throw .deviceFailed(address, reason: "another program is using it")
        case EISDIR: throw .deviceFailed(address, reason: "it is a folder, not a device")
        case let code: throw .deviceFailed(address, reason: String(cString: strerror(code)))
        }
    }
}
