import Foundation
import Printing
import Testing

@Suite("Printer and drawer settings")
struct PrinterSettingTests {
    @Test("network printers: host and port, 9100 by default, IPv6 in brackets", arguments: [
        ("escpos+tcp://192.168.1.50:9100", PrinterAddress.network(host: "192.168.1.50", port: 9100)),
        ("escpos+tcp://192.168.1.50", .network(host: "192.168.1.50", port: 9100)),
        ("  escpos+tcp://counter1-printer.local:9101/ ", .network(host: "counter1-printer.local", port: 9101)),
        ("ESCPOS+TCP://Printer:9100", .network(host: "Printer", port: 9100)),
        ("escpos+tcp://[fe80::1%eth0]:9100", .network(host: "fe80::1%eth0", port: 9100)),
        ("escpos+tcp://[::1]", .network(host: "::1", port: 9100)),
        ("escpos:/dev/usb/lp0", .device(path: "/dev/usb/lp0")),
        ("escpos:/dev/printers/receipt printer", .device(path: "/dev/printers/receipt printer")),
    ])
    func accepted(setting: String, address: PrinterAddress) throws {
        #expect(try PrinterAddress(setting: setting) == address)
    }

    @Test("written back as set", arguments: ["escpos+tcp://10.0.0.5:9100", "escpos+tcp://[::1]:9100", "escpos:/dev/usb/lp0"])
    func description(setting: String) throws {
        #expect(try PrinterAddress(setting: setting).description == setting)
    }

    @Test("anything else is refused with a sentence that shows what to write", arguments: [
        ("lp -d counter1", "printer = lp -d counter1 is not an ESC/POS printer; write escpos+tcp://HOST:9100 for a network printer "
            + "or escpos:/dev/usb/lp0 for a USB one."),
        ("tcp://10.0.0.5:9100", "printer = tcp://10.0.0.5:9100 is not an ESC/POS printer; write escpos+tcp://HOST:9100 for a network "
            + "printer or escpos:/dev/usb/lp0 for a USB one."),
        ("escpos+tcp://10.0.0.5:0", "printer = escpos+tcp://10.0.0.5:0: the port must be a number from 1 to 65535 (usually 9100)."),
        ("escpos+tcp://10.0.0.5:http", "printer = escpos+tcp://10.0.0.5:http: the port must be a number from 1 to 65535 (usually 9100)."),
        ("escpos+tcp://:9100", "printer = escpos+tcp://:9100 names no host; write escpos+tcp://HOST:9100 for a network printer "
            + "or escpos:/dev/usb/lp0 for a USB one."),
        ("escpos+tcp://10.0.0.5:9100/queue", "printer = escpos+tcp://10.0.0.5:9100/queue: the port must be a number from 1 to 65535 "
            + "(usually 9100)."),
        ("escpos+tcp://user@host", "printer = escpos+tcp://user@host: user@host is not a host name or address (only letters, digits, "
            + "- and .); write escpos+tcp://HOST:9100 for a network printer or escpos:/dev/usb/lp0 for a USB one."),
        ("escpos+tcp://[::1", "printer = escpos+tcp://[::1: the IPv6 address has no closing ]; write escpos+tcp://HOST:9100 for a "
            + "network printer or escpos:/dev/usb/lp0 for a USB one."),
        ("escpos://dev/usb/lp0", "printer = escpos://dev/usb/lp0: a device is written with one slash, escpos:/dev/usb/lp0; a network "
            + "printer as escpos+tcp://HOST:9100."),
        ("escpos:usb/lp0", "printer = escpos:usb/lp0: the device must be a full path, like escpos:/dev/usb/lp0."),
    ])
    func refused(setting: String, sentence: String) {
        let error = #expect(throws: PrinterSettingError.self) { try PrinterAddress(setting: setting) }
        #expect(error?.sentence == sentence)
    }

    @Test("the drawer: kick or none, any case; anything else refused")
    func drawer() throws {
        #expect(try DrawerSetting(setting: "kick") == .kick(.standard))
        #expect(try DrawerSetting(setting: " NONE ") == DrawerSetting.none)
        let error = #expect(throws: PrinterSettingError.self) { try DrawerSetting(setting: "yes") }
        #expect(error?.sentence == "drawer = yes is not known; write drawer = kick or drawer = none.")
    }

    @Test("ARROWNET_PRINTER over the config file's printer, either over the print command; blank is unset")
    func precedence() throws {
        let data = URL(fileURLWithPath: "/tmp/unused")
        let command = [ReceiptPrinter.commandVariable: "lp -d counter1"]
        let fromFile = try ReceiptPrinter.configured(
            dataFolder: data, printerSetting: "escpos:/dev/usb/lp0", drawerSetting: "kick", environment: command)
        #expect(fromFile.destination == .escpos(.device(path: "/dev/usb/lp0")))
        #expect(fromFile.opensDrawer)
        let fromEnvironment = try ReceiptPrinter.configured(
            dataFolder: data, printerSetting: "escpos:/dev/usb/lp0", drawerSetting: nil,
            environment: command.merging([ReceiptPrinter.printerVariable: "escpos+tcp://10.0.0.5"]) { $1 })
        #expect(fromEnvironment.destination == .escpos(.network(host: "10.0.0.5", port: 9100)))
        #expect(!fromEnvironment.opensDrawer)
        let blank = try ReceiptPrinter.configured(
            dataFolder: data, printerSetting: " ", drawerSetting: "none", environment: command.merging([ReceiptPrinter.printerVariable: ""]) { $1 })
        #expect(blank.destination == .command("lp -d counter1"))
        let none = try ReceiptPrinter.configured(dataFolder: data, printerSetting: nil, drawerSetting: nil, environment: [:])
        #expect(none.destination == .folder(data.appendingPathComponent("receipts", isDirectory: true)))
    }

    @Test("a bad ARROWNET_PRINTER is named as such; a drawer without an ESC/POS printer is refused")
    func refusedConfigurations() {
        let data = URL(fileURLWithPath: "/tmp/unused")
        let variable = #expect(throws: PrinterSettingError.self) {
            try ReceiptPrinter.configured(
                dataFolder: data, printerSetting: nil, drawerSetting: nil, environment: [ReceiptPrinter.printerVariable: "lp"])
        }
        #expect(variable?.sentence.hasPrefix("ARROWNET_PRINTER = lp is not an ESC/POS printer") == true)
        let drawer = #expect(throws: PrinterSettingError.self) {
            try ReceiptPrinter.configured(
                dataFolder: data, printerSetting: nil, drawerSetting: "kick", environment: [ReceiptPrinter.commandVariable: "lp"])
        }
        #expect(drawer?.sentence == "drawer = kick needs an ESC/POS printer (printer = escpos+tcp://HOST:9100 or escpos:/dev/usb/lp0): "
            + "the drawer is opened by the printer.")
    }
}
