import Foundation

/// Where an ESC/POS printer is: on the network (raw TCP, the "JetDirect" port 9100
/// every network receipt printer listens on) or a device file (a USB printer as
/// `/dev/usb/lp0`).
public enum PrinterAddress: Hashable, Sendable, CustomStringConvertible {
    case network(host: String, port: Int)
    case device(path: String)

    public static let defaultPort = 9100

    /// Reads the `printer` setting: `escpos+tcp://HOST[:PORT]` or `escpos:/PATH`.
    /// Anything else is refused with a sentence that shows the two forms; `name` is
    /// the setting as the sentence calls it (`ARROWNET_PRINTER` when it came from there).
    public init(setting: String, name: String = "printer") throws(PrinterSettingError) {
        let text = setting.trimmingCharacters(in: .whitespaces)
        let shown = "\(name) = \(text)"
        if text.lowercased().hasPrefix(Self.networkScheme) {
            self = try Self.network(String(text.dropFirst(Self.networkScheme.count)), shown: shown)
        } else if text.lowercased().hasPrefix(Self.deviceScheme) {
            self = try Self.device(String(text.dropFirst(Self.deviceScheme.count)), shown: shown)
        } else {
            throw PrinterSettingError("\(shown) is not an ESC/POS printer; write \(Self.forms).")
        }
    }

    /// As written in the setting, `escpos+tcp://10.0.0.5:9100` or `escpos:/dev/usb/lp0`.
    public var description: String {
        switch self {
        case .network(let host, let port): "\(Self.networkScheme)\(host.contains(":") ? "[\(host)]" : host):\(port)"
        case .device(let path): Self.deviceScheme + path
        }
    }

    static let networkScheme = "escpos+tcp://"
    static let deviceScheme = "escpos:"
    static let forms = "escpos+tcp://HOST:9100 for a network printer or escpos:/dev/usb/lp0 for a USB one"

    private static func network(_ rest: String, shown: String) throws(PrinterSettingError) -> PrinterAddress {
        // A trailing slash is what a URL usually ends with; anything after it is not ours.
        let authority = rest.hasSuffix("/") ? String(rest.dropLast()) : rest
        let hostPart: Substring
        let portPart: Substring?
        if authority.hasPrefix("[") {
            // An IPv6 address in brackets, as in a URL: [fe80::1]:9100.
            guard let close = authority.firstIndex(of: "]") else {
                throw PrinterSettingError("\(shown): the IPv6 address has no closing ]; write \(forms).")
            }
            hostPart = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if after.isEmpty {
                portPart = nil
            } else if after.hasPrefix(":") {
                portPart = after.dropFirst()
            } else {
                throw PrinterSettingError("\(shown): after the address only :PORT may follow; write \(forms).")
            }
        } else {
            let parts = authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            hostPart = parts[0]
            portPart = parts.count > 1 ? parts[1] : nil
        }
        guard !hostPart.isEmpty else {
            throw PrinterSettingError("\(shown) names no host; write \(forms).")
        }
        guard hostPart.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-._:%".contains($0)) }) else {
            throw PrinterSettingError(
                "\(shown): \(hostPart) is not a host name or address (only letters, digits, - and .); write \(forms).")
        }
        var port = defaultPort
        if let portPart {
            guard let number = Int(portPart), (1...65535).contains(number) else {
                throw PrinterSettingError("\(shown): the port must be a number from 1 to 65535 (usually 9100).")
            }
            port = number
        }
        return .network(host: String(hostPart), port: port)
    }

    private static func device(_ path: String, shown: String) throws(PrinterSettingError) -> PrinterAddress {
        if path.hasPrefix("//") {
            throw PrinterSettingError(
                "\(shown): a device is written with one slash, escpos:/dev/usb/lp0; a network printer as escpos+tcp://HOST:9100.")
        }
        guard path.hasPrefix("/") else {
            throw PrinterSettingError("\(shown): the device must be a full path, like escpos:/dev/usb/lp0.")
        }
        guard !path.contains(where: { $0.isNewline || $0 == "\0" }) else {
            throw PrinterSettingError("\(shown): the device path has a line break or NUL in it.")
        }
        return .device(path: path)
    }
}

/// A `printer` or `drawer` setting that cannot be used, said as a sentence for the
/// person setting up the counter.
public struct PrinterSettingError: Error, Hashable, Sendable, CustomStringConvertible {
    public let sentence: String

    public init(_ sentence: String) {
        self.sentence = sentence
    }

    public var description: String { sentence }
}
