import Foundation

/// Why a job did not reach the printer, as the clerk reads it. Never about the
/// payment: a receipt that did not print is printed again once the printer is back.
public enum PrinterError: Error, Hashable, Sendable {
    /// The host name could not be looked up (`reason`: not known, or no answer).
    case unknownHost(PrinterAddress, reason: String)
    /// Something answered at the address, but nothing listens on the port.
    case refused(PrinterAddress)
    /// No answer at all within the connect timeout: off, or not on the network.
    case notAnswering(PrinterAddress, after: Duration)
    /// The network says there is no way to the address.
    case unreachable(PrinterAddress, reason: String)
    /// Connected, but the printer did not take the whole job within the write timeout:
    /// out of paper, cover open, or switched off meanwhile.
    case notTaking(PrinterAddress, after: Duration, taken: Int, total: Int)
    /// The printer closed the connection or the device went away mid-job.
    case connectionLost(PrinterAddress, reason: String)
    case deviceMissing(PrinterAddress)
    case permissionDenied(PrinterAddress)
    case deviceFailed(PrinterAddress, reason: String)
    /// The console stopped waiting (it is closing).
    case cancelled(PrinterAddress)
    /// The system refused a resource (no sockets left), not the printer's fault.
    case system(call: String, reason: String)

    public var sentence: String {
        switch self {
        case .unknownHost(let address, let reason):
            return "The printer \(address.host ?? "") could not be found (\(reason)): check the printer setting, or use its IP address."
        case .refused(let address):
            return "The printer at \(address.place) refused the connection (wrong port, or busy with another computer)."
        case .notAnswering(let address, let after):
            return "The printer at \(address.place) did not answer within \(Self.seconds(after)) s (is it switched on and on the network?)."
        case .unreachable(let address, let reason):
            return "The printer at \(address.place) cannot be reached (\(reason)): is it switched on and on this network?"
        case .notTaking(let address, let after, let taken, let total):
            return "The printer at \(address.place) did not take the job within \(Self.seconds(after)) s (\(taken) of \(total) bytes): "
                + "is it out of paper, its cover open, or switched off?"
        case .connectionLost(let address, let reason):
            return "The printer at \(address.place) stopped in the middle of the job (\(reason))."
        case .deviceMissing(let address):
            return "There is no printer device \(address.place) (is the printer switched on and its USB cable in?)."
        case .permissionDenied(let address):
            return "This user may not write to the printer device \(address.place): add the user to the lp group "
                + "(sudo adduser USER lp, then log in again)."
        case .deviceFailed(let address, let reason):
            return "The printer device \(address.place) could not be used (\(reason))."
        case .cancelled(let address):
            return "Printing to \(address.place) was stopped because the console is closing."
        case .system(let call, let reason):
            return "The printer could not be reached: \(call) failed (\(reason))."
        }
    }

    static func seconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}

extension PrinterAddress {
    /// `10.0.0.5:9100` or `/dev/usb/lp0`, for sentences.
    var place: String {
        switch self {
        case .network(let host, let port): host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        case .device(let path): path
        }
    }

    var host: String? {
        if case .network(let host, _) = self { return host }
        return nil
    }
}
