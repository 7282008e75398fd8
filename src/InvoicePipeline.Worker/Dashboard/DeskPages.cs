using System.Globalization;
using Hangfire.Dashboard;

namespace InvoicePipeline.Worker.Dashboard;

/// <summary>The desk's pages and commands, registered with Hangfire's dashboard routes and menu.</summary>
public static class DeskPages
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        var routes = DashboardRoutes.Routes;
        routes.Add("/exceptions", new DeskRoute(async r => new ExceptionsPage(await ExceptionsQuery.LoadAsync(r))));
        routes.Add("/invoice/(?<id>\\d+)", new DeskRoute(async r => new InvoicePage(await InvoiceQuery.LoadAsync(r, Id(r)))));
        routes.Add("/attestation", new DeskRoute(async r => new AttestationPage(await AttestationQuery.LoadAsync(r))));
        routes.Add("/runs", new DeskRoute(async r => new RunsPage(await RunsQuery.LoadAsync(r))));
        routes.Add("/throughput", new DeskRoute(async r => new ThroughputPage(await ThroughputQuery.LoadAsync(r))));
        routes.Add("/invoice/(?<id>\\d+)/act", new InvoiceActDispatcher());
        routes.Add("/payroll", new DeskRoute(async r => new PayrollPage(await PayrollQuery.LoadAsync(r))));
        routes.Add("/payroll/act", new PayrollActDispatcher());
        Menu("Exceptions", "/exceptions", "/invoice");
        Menu("Attestation", "/attestation");
        Menu("Payroll", "/payroll");
        Menu("Runs", "/runs");
        Menu("Throughput", "/throughput");
    }

    private static long Id(DeskRequest r) => long.Parse(r.Route.Groups["id"].Value, CultureInfo.InvariantCulture);

    private static void Menu(string text, string path, params string[] alsoActiveOn) =>
        NavigationMenu.Items.Add(page => new MenuItem(text, page.Url.To(path))
        {
            Active = page.RequestPath.StartsWith(path, StringComparison.Ordinal)
                || alsoActiveOn.Any(p => page.RequestPath.StartsWith(p, StringComparison.Ordinal)),
        });
}
