import Foundation
import KhaltiSandbox
import Testing

@Suite("Receipts from the command line: pay prints one, receipt prints it again marked REPRINT")
struct ReceiptCommandTests {
    @Test("pay saves the receipt as the console does; receipt needs --reprint for a second copy, marked REPRINT")
    func payThenReprint() async throws {
        let runner = try await BinaryRunner.ready()
        let pay = try await runner.run(["pay", "Pradhanang", "--months", "3", "--yes"])
        #expect(pay.status == 0, "\(pay.stderr)")
        #expect(pay.stdout.contains("Receipt saved as \(runner.receiptsFolder.path)/"), "\(pay.stdout)")
        let reference = try #require(pay.stdout.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix("ARN") }.map(String.init))
        let original = try String(contentsOf: try #require(runner.receiptFiles().first), encoding: .utf8)
        #expect(original.contains("Rs. 5,085.00") && original.contains(reference) && original.contains("SANDBOX"))
        #expect(!original.contains("REPRINT"))
        #expect(!original.contains("ask Arrownet"), "pay knows the new expiry it read back")

        let refused = try await runner.run(["receipt", reference])
        #expect(refused.status == 10)
        #expect(refused.stderr.contains("was printed before"), "\(refused.stderr)")
        #expect(refused.stderr.contains("Add --reprint"))
        #expect(runner.receiptFiles().count == 1, "nothing printed")

        let again = try await runner.run(["receipt", reference.lowercased(), "--reprint", "--json"])
        #expect(again.status == 0, "\(again.stderr)")
        let object = try jsonObject(again.stdout)
        #expect(object["outcome"] as? String == "printed")
        #expect(object["reprint"] as? Bool == true)
        #expect(object["printed_before"] as? Int == 1)
        #expect((object["receipt"] as? String)?.contains("_reprint.txt") == true)
        let files = runner.receiptFiles()
        #expect(files.count == 2)
        let reprint = try String(contentsOf: try #require(files.first { $0.lastPathComponent.contains("_reprint") }), encoding: .utf8)
        #expect(reprint.contains("*** REPRINT ***"))
        // The copy says what the original said, the new expiry included.
        let expiry = { (text: String) in text.split(separator: "\n").first { $0.hasPrefix("New expiry") } }
        #expect(expiry(reprint) == expiry(original))
    }

    @Test("a receipt that failed to print is printed by receipt as the original; the print command and ESC/POS paths are the console's")
    func printPaths() async throws {
        let runner = try await BinaryRunner.ready()
        let failed = try await runner.run(["pay", "duecustomer", "--months", "1", "--yes", "--json"], environment: ["ARROWNET_PRINT_COMMAND": "exit 3"])
        #expect(failed.status == 0, "the payment is paid whatever the printer does: \(failed.stderr)")
        let object = try jsonObject(failed.stdout)
        #expect(object["outcome"] as? String == "paid")
        #expect(object["receipt"] is NSNull)
        #expect((object["receipt_error"] as? String)?.contains("arrownet receipt ARN") == true, "\(object)")
        let reference = try #require((object["payment"] as? [String: Any])?["reference"] as? String)

        let printed = runner.home.appendingPathComponent("printed.txt")
        let command = try await runner.run(["receipt", reference], environment: ["ARROWNET_PRINT_COMMAND": "cat > '\(printed.path)'"])
        #expect(command.status == 0, "\(command.stderr)")
        let text = try String(contentsOf: printed, encoding: .utf8)
        #expect(text.contains(reference) && !text.contains("REPRINT"), "never printed before, so the original")

        // An ESC/POS "printer" that is a device file (any writable file stands in for /dev/usb/lp0).
        let device = runner.home.appendingPathComponent("lp0")
        _ = FileManager.default.createFile(atPath: device.path, contents: nil)
        try runner.writeConfig("printer = escpos:\(device.path)\n")
        let escpos = try await runner.run(["receipt", reference, "--reprint"])
        #expect(escpos.status == 0, "\(escpos.stderr)")
        #expect(escpos.stdout.contains("sent to the printer (escpos:\(device.path))"), "\(escpos.stdout)")
        let bytes = try Data(contentsOf: device)
        #expect(bytes.starts(with: [0x1B, 0x40]), "ESC @ first")
        #expect(bytes.range(of: Data("REPRINT".utf8)) != nil)
        #expect(bytes.range(of: Data([0x1D, 0x56])) != nil, "cut")
    }

    @Test("a bad printer setting stops pay before anything is sent (exit 64)")
    func badPrinter() async throws {
        let runner = try await BinaryRunner.ready()
        let result = try await runner.run(["pay", "Pradhanang", "--months", "1", "--yes"], environment: ["ARROWNET_PRINTER": "escpos://dev/usb/lp0"])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("ARROWNET_PRINTER"))
        #expect(try await runner.run(["history", "--json"]).stdout == "[]\n")
    }

    @Test("receipt refuses what has no receipt: unknown (3), held or flagged (8)")
    func refusals() async throws {
        let sandbox = try await RunningSandbox.start(SandboxConfiguration(faults: [FaultRule(call: .commit, times: 1, effect: .dropConnection)]))
        let runner = try await BinaryRunner.ready()
        let held = try await runner.pay("Pradhanang", ["--base-url", sandbox.baseURL])
        let heldReceipt = try await runner.run(["receipt", held])
        #expect(heldReceipt.status == 8)
        #expect(heldReceipt.stderr.contains("is HELD: a receipt is printed only for a paid payment"), "\(heldReceipt.stderr)")
        let unknown = try await runner.run(["receipt", "ARN01JDQ4ZK7X8M2N5P6Q7R8S9T0V", "--json"])
        #expect(unknown.status == 3)
        #expect(try jsonObject(unknown.stdout)["outcome"] as? String == "not_found")

        // resolve --paid prints the receipt: a later one is a reprint.
        let resolved = try await runner.run(["resolve", held, "--paid", "--note", "merchant portal: Success"])
        #expect(resolved.status == 0, "\(resolved.stderr)")
        #expect(try await runner.run(["receipt", held]).status == 10)
        await sandbox.stop()
    }
}
