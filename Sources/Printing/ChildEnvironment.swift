/// The environment a child process (the print command, pango-view) is given: an
/// allow-list, not this process's environment less a few names. The console holds the
/// Khalti token and may hold the journal's password (`PGPASSWORD`, `PGPASSFILE`, a URL in
/// `ARROWNET_JOURNAL_URL`); a print wrapper that logs its environment, or a printer
/// driver that sends it somewhere, must get none of them, nor any variable added later
/// that nobody thought to withhold.
enum ChildEnvironment {
    /// Passed on as they are: finding programs, the language and its encoding (pango-view
    /// picks fonts by it), a home for tools' own settings, a place for temporary files,
    /// and the time zone. README "Receipts and the print command" lists the same.
    static let allowedNames: Set<String> = ["PATH", "LANG", "HOME", "TMPDIR", "TZ"]
    /// `LC_ALL`, `LC_CTYPE` and the other locale categories.
    static let allowedPrefix = "LC_"

    /// `environment` cut down to the allow-list; `ReceiptPrinter.withheldVariables` never
    /// pass, even should one be allow-listed by mistake.
    static func allowed(_ environment: [String: String]) -> [String: String] {
        environment.filter { name, _ in
            !ReceiptPrinter.withheldVariables.contains(name) && (allowedNames.contains(name) || name.hasPrefix(allowedPrefix))
        }
    }
}
