import ArrownetDomain
import ConsoleCore
import Foundation

/// Where receipts go: to a print command (`ARROWNET_PRINT_COMMAND`, e.g. `lp -d counter1`)
/// that reads the 42-column text on its standard input, or, by default, into text
/// files under `<data folder>/receipts/` that the clerk can print or show.
public struct ReceiptPrinter: Sendable {
    public enum Destination: Sendable, Hashable {
        /// Each receipt, reprints too, as its own 0600 file in this folder.
        case folder(URL)
        /// Run through `/bin/sh -c`, so quoting works as in a terminal.
        case command(String)
    }

    public static let commandVariable = "ARROWNET_PRINT_COMMAND"
    public static let folderName = "receipts"

    public let destination: Destination
    /// A printer that takes longer is stopped and the clerk told, so a stuck printer
    /// never leaves the console waiting.
    public let timeout: Duration
    /// Dates on the receipt and in file names (the console's calendar).
    public let calendar: CounterCalendar
    /// The print command's environment: this process's, less the Khalti token.
    let environment: [String: String]

    public init(
        destination: Destination, timeout: Duration = .seconds(20), calendar: CounterCalendar = CounterCalendar.nepal,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.destination = destination
        self.timeout = timeout
        self.calendar = calendar
        self.environment = environment
    }

    /// The print command when `ARROWNET_PRINT_COMMAND` is set and not blank, else files
    /// under `<dataFolder>/receipts/`.
    public static func configured(
        dataFolder: URL, environment: [String: String] = ProcessInfo.processInfo.environment,
        calendar: CounterCalendar = CounterCalendar.nepal
    ) -> ReceiptPrinter {
        let command = environment[commandVariable]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let destination: Destination = command.isEmpty
            ? .folder(dataFolder.appendingPathComponent(folderName, isDirectory: true)) : .command(command)
        return ReceiptPrinter(destination: destination, calendar: calendar, environment: environment)
    }

    /// Prints or saves the receipt; answers a note for the clerk (where it went).
    public func print(_ receipt: Receipt) async throws(ConsoleError) -> String {
        let text = ReceiptLayout.text(for: receipt, calendar: calendar)
        switch destination {
        case .folder(let folder):
            let file = try ReceiptFiles.save(text, of: receipt, in: folder, calendar: calendar)
            return "saved as \(file.path)"
        case .command(let command):
            return try await PrintCommand(command: command, timeout: timeout, environment: environment).run(input: text)
        }
    }
}
