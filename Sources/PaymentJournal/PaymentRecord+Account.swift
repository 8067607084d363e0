extension PaymentRecord {
    /// The record as a claim by `account` leaves it: a payment from before accounts were
    /// recorded takes the claiming account; one with an account keeps it.
    public func claimed(by account: String) -> PaymentRecord {
        guard khaltiAccount == nil else { return self }
        return PaymentRecord(
            reference: reference, khaltiEnvironment: khaltiEnvironment, username: username, customerName: customerName,
            duration: duration, amount: amount, counter: counter, operatorName: operatorName, state: state,
            transactionID: transactionID, createdAt: createdAt, sentAt: sentAt, updatedAt: updatedAt, resolvedAt: resolvedAt,
            lookupCount: lookupCount, unknownReferenceLookups: unknownReferenceLookups, nextLookupAt: nextLookupAt,
            firstLookupAt: firstLookupAt, refusedByKhalti: refusedByKhalti, attention: attention, owner: owner,
            shiftID: shiftID, khaltiAccount: account)
    }
}
