namespace InvoicePipeline;

/// <summary>
/// The one place money is rounded: to two decimals (öre/øre/cent), half away from zero, as EN 16931 and the
/// ledger do. Domain code keeps full precision until it produces an amount that is booked or paid, and rounds
/// it exactly once, here.
/// </summary>
public static class Money
{
    public const int Decimals = 2;

    public static decimal Round(decimal amount) => Math.Round(amount, Decimals, MidpointRounding.AwayFromZero);
}
