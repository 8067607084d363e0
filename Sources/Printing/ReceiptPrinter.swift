import ArrownetDomain
import ConsoleCore
import Foundation

/// Where receipts (and later shift reports) go, and the cash drawer behind the printer:
/// - an ESC/POS receipt printer on the network or USB (`printer = escpos+tcp://HOST:9100`
///   or `escpos:/dev/usb/lp0`, or `ARROWNET_PRINTER`), bytes straight to it;
/// - a print command (`ARROWNET_PRINT_COMMAND`, e.g. `lp -d counter1`) that reads the
///   42-column text on its standard input;
/// - by default, text files under `<data folder>/receipts/` the clerk can print or show.
///
/// A failure is a `ConsoleError` for the clerk; nothing here knows about payments, so
/// a printer can never change one, and the clerk prints again once it is fixed.
public struct ReceiptPrinter: Sendable {
    public enum Destination: Sendable, Hashable {
        /// Each receipt, reprints too, as its own 0600 file in this folder.
        case folder(URL)
        /// Run through `/bin/sh -c`, so quoting works as in a terminal.
        case command(String)
        /// An ESC/POS printer, which also opens the drawer wired to it.
        case escpos(PrinterAddress)
    }

    public static let commandVariable = "ARROWNET_PRINT_COMMAND"
    public static let printerVariable = "ARROWNET_PRINTER"
    public static let folderName = "receipts"
    /// Never passed on to a print command or the text shaper, whatever the allow-list
    /// (`ChildEnvironment`) says: the Khalti token's variable (`ConsoleSettings.tokenVariable`,
    /// which this layer does not import; a LiveConsole test keeps the two the same) and
    /// the journal's password, password file and URL.
    public static let withheldVariables: Set<String> = ["KHALTI_TOKEN", "PGPASSWORD", "PGPASSFILE", "ARROWNET_JOURNAL_URL"]

    public let destination: Destination
    /// A print command that takes longer is stopped and the clerk told, so a stuck
    /// printer never leaves the console waiting. (ESC/POS printers: `escpos.timeouts`.)
    public let timeout: Duration
    /// Dates on the receipt and in file names (the console's calendar).
    public let calendar: CounterCalendar
    /// Bikram Sambat dates beside AD ones on receipts; nil with `calendar = ad`.
    public let bsCalendar: BikramSambatCalendar?
    /// Whether a cash drawer opens through the printer.
    public let drawer: DrawerSetting
    /// How an ESC/POS printer is driven; unused by the other destinations.
    public let escpos: EscposOptions
    /// For the print command and the shaper: this process's, cut to `ChildEnvironment`'s allow-list.
    let environment: [String: String]

    public init(
        destination: Destination, timeout: Duration = .seconds(20), calendar: CounterCalendar = CounterCalendar.nepal,
        bsCalendar: BikramSambatCalendar? = .shipped, drawer: DrawerSetting = .none, escpos: EscposOptions = EscposOptions(),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.destination = destination
        self.timeout = timeout
        self.calendar = calendar
        self.bsCalendar = bsCalendar
        self.drawer = drawer
        self.escpos = escpos
        self.environment = ChildEnvironment.allowed(environment)
    }

    /// The print command when `ARROWNET_PRINT_COMMAND` is set and not blank, else files
    /// under `<dataFolder>/receipts/`.
    public static func configured(
        dataFolder: URL, environment: [String: String] = ProcessInfo.processInfo.environment,
        calendar: CounterCalendar = CounterCalendar.nepal, bsCalendar: BikramSambatCalendar? = .shipped
    ) -> ReceiptPrinter {
        let command = environment[commandVariable]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let destination: Destination = command.isEmpty
            ? .folder(dataFolder.appendingPathComponent(folderName, isDirectory: true)) : .command(command)
        return ReceiptPrinter(destination: destination, calendar: calendar, bsCalendar: bsCalendar, environment: environment)
    }

    /// With the config file's `printer` and `drawer` settings (nil or blank: not set):
    /// an ESC/POS printer from `ARROWNET_PRINTER`, else from `printer`; without one,
    /// the print command or files as above. A setting that cannot be used, or
    /// `drawer = kick` without an ESC/POS printer, is refused with a sentence.
    public static func configured(
        dataFolder: URL, printerSetting: String?, drawerSetting: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment, calendar: CounterCalendar = CounterCalendar.nepal,
        bsCalendar: BikramSambatCalendar? = .shipped
    ) throws(PrinterSettingError) -> ReceiptPrinter {
        func given(_ text: String?) -> String? {
            text.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        }
        let drawer = try given(drawerSetting).map { text throws(PrinterSettingError) in try DrawerSetting(setting: text) } ?? .none
        let address: PrinterAddress?
        if let text = given(environment[printerVariable]) {
            address = try PrinterAddress(setting: text, name: printerVariable)
        } else if let text = given(printerSetting) {
            address = try PrinterAddress(setting: text)
        } else {
            address = nil
        }
        guard let address else {
            if drawer != .none {
                throw PrinterSettingError(
                    "drawer = kick needs an ESC/POS printer (printer = escpos+tcp://HOST:9100 or escpos:/dev/usb/lp0): "
                        + "the drawer is opened by the printer.")
            }
            return configured(dataFolder: dataFolder, environment: environment, calendar: calendar, bsCalendar: bsCalendar)
        }
        return ReceiptPrinter(
            destination: .escpos(address), calendar: calendar, bsCalendar: bsCalendar, drawer: drawer,
            escpos: EscposOptions(shaper: .installed(environment: environment)), environment: environment)
    }

    /// Whether `openDrawer()` and `kickDrawer` open a drawer: `drawer = kick` and an
    /// ESC/POS printer.
    public var opensDrawer: Bool { escposPrinter != nil && drawer.pulse != nil }

    /// Prints or saves the receipt; answers a note for the clerk (where it went).
    /// `kickDrawer` (a new payment's receipt, not a reprint) opens the drawer in the
    /// same job where `opensDrawer`; when this returns, the drawer has opened.
    public func print(_ receipt: Receipt, kickDrawer: Bool = false) async throws(ConsoleError) -> String {
        let document = ReceiptLayout.document(for: receipt, calendar: calendar, bsCalendar: bsCalendar)
        switch destination {
        case .folder(let folder):
            let file = try ReceiptFiles.save(document.text, of: receipt, in: folder, calendar: calendar)
            return "saved as \(file.path)"
        case .command(let command):
            return try await PrintCommand(command: command, timeout: timeout, environment: environment).run(input: document.text)
        case .escpos(let address):
            return try await print(
                document, on: escposPrinter(at: address), kickDrawer: kickDrawer, standIn: "the name is printed as the username",
                nextStep: Self.reprintStep)
        }
    }

    /// Prints any document (a shift report) the same way; without a printer it is
    /// saved beside the receipts as `<fileName>.txt` (letters, digits, - and _ kept).
    public func print(_ document: PrintDocument, fileName: String, kickDrawer: Bool = false) async throws(ConsoleError) -> String {
        switch destination {
        case .folder(let folder):
            let stem = ReceiptFiles.stem(fileName, otherwise: "document")
            let file = try ReceiptFiles.save(document.text, stem: stem, in: folder, kind: "document", name: stem)
            return "saved as \(file.path)"
        case .command(let command):
            return try await PrintCommand(command: command, timeout: timeout, environment: environment).run(input: document.text)
        case .escpos(let address):
            return try await print(
                document, on: escposPrinter(at: address), kickDrawer: kickDrawer,
                standIn: "text the printer has no letters for is printed as ?", nextStep: "Check the printer, then print again.")
        }
    }

    /// Opens the cash drawer without printing; answers a note for the clerk. When this
    /// returns the pulse has reached the printer.
    public func openDrawer() async throws(ConsoleError) -> String {
        guard let printer = escposPrinter, let pulse = drawer.pulse else {
            throw ConsoleError(
                kind: .unavailable, reason: "No cash drawer is set up: drawer = kick and an ESC/POS printer open it.",
                nextStep: "Open the drawer with its key.")
        }
        do throws(PrinterError) {
            try await printer.pulse(pulse)
        } catch {
            throw ConsoleError(
                kind: .unavailable, reason: error.sentence + Self.drawerNote(pulseEnd: printer.encoder.bytes(for: pulse).count, after: error),
                nextStep: "Check the printer, then open the drawer again, or use its key.")
        }
        return "drawer opened (\(printer.address))"
    }

    /// The ESC/POS printer this prints on, if it is one.
    public var escposPrinter: EscposPrinter? {
        guard case .escpos(let address) = destination else { return nil }
        return escposPrinter(at: address)
    }

    private func escposPrinter(at address: PrinterAddress) -> EscposPrinter {
        EscposPrinter(address: address, encoder: escpos.encoder, shaper: escpos.shaper, timeouts: escpos.timeouts, environment: environment)
    }

    /// What a failed job with a pulse did to the drawer (`pulseEnd`: where the pulse's
    /// bytes end in the job, nil without one): a printer that took them may have opened it.
    static func drawerNote(pulseEnd: Int?, after error: PrinterError) -> String {
        guard let pulseEnd else { return "" }
        switch error {
        case .notTaking(_, _, let taken, _) where taken >= pulseEnd: return " The drawer may have opened."
        case .connectionLost: return " The drawer may have opened."
        default: return " The drawer did not open."
        }
    }

    static let reprintStep = "Check the printer, then print again: r on the result screen, Ctrl-R on the username screen."

    private func print(
        _ document: PrintDocument, on printer: EscposPrinter, kickDrawer: Bool, standIn: String, nextStep: String
    ) async throws(ConsoleError) -> String {
        let pulse = kickDrawer ? drawer.pulse : nil
        let reasons: [String]
        do throws(PrinterError) {
            reasons = try await printer.print(document, pulse: pulse)
        } catch {
            // The pulse comes right after the initialisation (`EscposEncoder.bytes(for:drawn:pulse:)`).
            let pulseEnd = pulse.map { EscposEncoder.start.count + $0.bytes.count }
            throw ConsoleError(kind: .unavailable, reason: error.sentence + Self.drawerNote(pulseEnd: pulseEnd, after: error), nextStep: nextStep)
        }
        return "sent to the printer (\(printer.address))" + (pulse == nil ? "" : ", drawer opened")
            + (reasons.isEmpty ? "" : "; \(standIn) (\(reasons.joined(separator: "; ")))")
    }
}

/// How documents become ESC/POS bytes and reach the printer.
public struct EscposOptions: Sendable {
    public let encoder: EscposEncoder
    /// Draws Devanagari names; `.none` prints their stand-ins.
    public let shaper: TextShaper
    public let timeouts: PrinterTimeouts

    public init(encoder: EscposEncoder = EscposEncoder(), shaper: TextShaper = .installed(), timeouts: PrinterTimeouts = PrinterTimeouts()) {
        self.encoder = encoder
        self.shaper = shaper
        self.timeouts = timeouts
    }
}
