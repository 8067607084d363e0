import ArrownetDomain
import ConsoleCore

/// Outside text (a name from Khalti, a counter or operator a journal row holds) as a
/// report lays it out: one line (`OutsideText.line`), cut to the columns its place has,
/// ending in `…` when cut. Cleaned before it is measured, since a control takes no
/// column and the `?` shown for it takes one. JSON and CSV carry the whole text.
enum ShownText {
    /// A customer's name in a card (`lookup`, `pay`'s read-back, `status`): the label
    /// column (17) and 40 leave room for ` (username)` in 80 columns for a username of
    /// up to 20 letters, so the name and the amount below it stay one line each when the
    /// clerk reads them to the customer. Arrownet's names ("Ashish Pradhanang - Home")
    /// are well under it.
    static let nameColumns = 40

    /// The current plan in `lookup`'s card: the rest of an 80-column line after the label.
    static let planColumns = 63

    /// A counter or operator in a table (`history`, `shift list`): counters and clerks
    /// are named by the shop in a word or two ("Front desk", "Sita"); 20 keeps a longer
    /// one, written by another program, from wrapping its row and the rows after it out
    /// of their columns.
    static let nameInTableColumns = 20

    static func field(_ text: String, columns: Int) -> String {
        truncated(OutsideText.line(text), toColumns: columns)
    }

    static func name(_ text: String) -> String {
        field(text, columns: nameColumns)
    }

    static func inTable(_ text: String) -> String {
        field(text, columns: nameInTableColumns)
    }
}
