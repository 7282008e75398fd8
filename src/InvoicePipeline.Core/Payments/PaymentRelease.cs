namespace InvoicePipeline.Payments;

public enum PaymentFileState
{
    /// <summary>Proposed and stored; not yet at the bank, its invoices not yet paid.</summary>
    Proposed,
    /// <summary>Released by a second finance user: in the bank channel, its invoices paid.</summary>
    Released,
    Cancelled,
}

/// <summary>
/// Two people on every payment, and on every payee account: a payment file goes to the bank only when a finance user
/// other than its proposer releases it; a changed or new supplier account is paid only when a finance user other than
/// the one who imported it has verified that very number. Refusals are values (null = allowed).
/// </summary>
public static class PaymentRelease
{
    public const string FinanceRole = "finance";

    public static string? RefuseRelease(PaymentFileState state, string proposedBy, string userId, IReadOnlySet<string> roles)
    {
        if (!roles.Contains(FinanceRole)) return $"{userId} may not release payment files: only finance may";
        if (state == PaymentFileState.Cancelled) return "the payment file was cancelled";
        if (state == PaymentFileState.Released) return "the payment file was already released";
        if (Same(proposedBy, userId)) return $"{userId} proposed this payment file: another finance user must release it";
        return null;
    }

    public static string? RefuseVerification(AccountChange change, string userId, IReadOnlySet<string> roles)
    {
        if (!roles.Contains(FinanceRole)) return $"{userId} may not verify supplier accounts: only finance may";
        if (change.VerifiedBy is not null) return $"account {change.NewNumber} of supplier {change.SupplierId} was already verified by {change.VerifiedBy}";
        if (Same(change.ImportedBy, userId)) return $"{userId} imported account {change.NewNumber} of supplier {change.SupplierId}: another finance user must verify it";
        return null;
    }

    private static bool Same(string? a, string b) => a is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
