import ConsoleCore
import Foundation

/// An ESC/POS receipt printer at an address. Each job (a document, a drawer pulse)
/// has a connection of its own: a network printer serves one connection at a time,
/// and one held open would lock out every other computer at the counter.
public struct EscposPrinter: Sendable {
    public let address: PrinterAddress
    public let encoder: EscposEncoder
    public let shaper: TextShaper
    public let timeouts: PrinterTimeouts
    /// The shaper's environment (fonts, locale), without the Khalti token.
    let environment: [String: String]

    public init(
        address: PrinterAddress, encoder: EscposEncoder = EscposEncoder(), shaper: TextShaper = .installed(),
        timeouts: PrinterTimeouts = PrinterTimeouts(), environment: [String: String] = [:]
    ) {
        self.address = address
        self.encoder = encoder
        self.shaper = shaper
        self.timeouts = timeouts
        self.environment = environment
    }

    /// Shapes what must be drawn, encodes the document, sends it. Answers why text
    /// was printed with its stand-in, if it was (empty when everything printed).
    @discardableResult
    public func print(_ document: PrintDocument, pulse: DrawerPulse? = nil) async throws(PrinterError) -> [String] {
        let job = await job(for: document, pulse: pulse)
        try await send(job.bytes)
        return job.standInReasons
    }

    /// Opens the drawer without printing.
    public func pulse(_ pulse: DrawerPulse) async throws(PrinterError) {
        try await send(encoder.bytes(for: pulse))
    }

    /// The bytes for a document, its drawings made by the shaper.
    public func job(for document: PrintDocument, pulse: DrawerPulse? = nil) async -> EscposJob {
        var drawn: [Drawing: RasterImage] = [:]
        var reasons: [String] = []
        for drawing in encoder.drawings(in: document) {
            switch await shaper.draw(drawing, width: encoder.rasterWidth, environment: environment) {
            case .success(let image): drawn[drawing] = image
            case .failure(let failure): if !reasons.contains(failure.reason) { reasons.append(failure.reason) }
            }
        }
        return EscposJob(bytes: encoder.bytes(for: document, drawn: drawn, pulse: pulse), standInReasons: reasons)
    }

    /// One connection: open, write within the timeout, close.
    public func send(_ bytes: [UInt8]) async throws(PrinterError) {
        let link = try await PrinterLink.open(address, timeouts: timeouts)
        do {
            try await link.write(bytes, timeout: timeouts.write)
        } catch {
            link.close(discardingUnsent: true)
            throw error
        }
        link.close(discardingUnsent: false)
    }
}

/// A job's bytes, and why any text in it was printed with its stand-in.
public struct EscposJob: Hashable, Sendable {
    public let bytes: [UInt8]
    public let standInReasons: [String]
}
