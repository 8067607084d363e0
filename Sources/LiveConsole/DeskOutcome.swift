import PaymentDesk

/// The payment desk's outcome under a name of its own: ConsoleCore has a
/// `PaymentOutcome` too, and `PaymentDesk.PaymentOutcome` names the class, not the module.
/// This file imports only PaymentDesk, so the name here is unambiguous.
public typealias DeskOutcome = PaymentOutcome
