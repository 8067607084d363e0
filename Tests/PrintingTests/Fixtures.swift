import ArrownetDomain
import ConsoleCore
import ConsoleTestSupport
import Foundation

/// The shared samples, with this layer's receipts, documents and folders.
typealias Fixtures = ConsoleSamples

extension ConsoleSamples {
    static func receipt(
        number: String = "Counter1-6Q7R8S9T0V", at time: Date = morning, name: String = "Ashish Pradhanang - Home",
        environment: KhaltiEnvironment = .sandbox
    ) -> Receipt {
        Receipt(
            number: number, paidAt: time, counter: "Counter 1", operatorName: "Sita", username: try! Username("Pradhanang"),
            customerName: name, duration: .oneMonth, amount: Money(paisa: 169_500), newExpiry: nil,
            reference: try! PaymentReference("ARN01JDQ4ZK7X8M2N5P6Q7R8S9T0V"), transactionID: "KTX1", environment: environment
        )
    }

    static let devanagariName = "राम बहादुर श्रेष्ठ"

    /// A shift report as the lead's X/Z report might be: title, rules, rows, free lines.
    static let report = PrintDocument([
        .rule(.heavy),
        .text("SHIFT REPORT (Z)", style: .headline, alignment: .center),
        .text("Counter 1, shift 3", alignment: .center),
        .rule(.light),
        .field(label: "Opened", value: "2025-11-27 08:00"),
        .field(label: "Closed", value: "2025-11-27 16:30"),
        .field(label: "Operator", value: "Sita"),
        .rule(.light),
        .field(label: "Payments paid", value: "14"),
        .field(label: "Held, looked up later", value: "1"),
        .field(label: "TOTAL TAKEN", value: "Rs. 31,092.00", style: .bold),
        .rule(.light),
        .text("Drawer opened 15 times, 1 without a payment."),
        .text(""),
        .text("Counted by ______________", alignment: .right),
        .rule(.heavy),
    ])

    /// A private temporary folder, removed by the test.
    static func folder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("printing-\(UUID().uuidString)", isDirectory: true)
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A shell script standing in for a program, made executable. Written through a
    /// close-on-exec descriptor and closed at once: a process another test spawns
    /// meanwhile must not hold it open for writing, or running it fails with
    /// "Text file busy".
    static func script(_ text: String, named name: String, in folder: URL) -> String {
        let path = folder.appendingPathComponent(name).path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o700)
        precondition(descriptor >= 0, "cannot make \(path)")
        let bytes = Array(text.utf8)
        precondition(write(descriptor, bytes, bytes.count) == bytes.count, "cannot write \(path)")
        close(descriptor)
        return path
    }

    /// The `pango-view` Debian installs (pango1.0-tools).
    static let pangoView = "/usr/bin/pango-view"
}
