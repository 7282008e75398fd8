using InvoicePipeline.Worker.Csv;
using System.Globalization;
using CsvHelper;
using InvoicePipeline.Kpi;
using ScottPlot;

namespace InvoicePipeline.Worker.Kpi;

/// <summary>kpi.csv (one row per process and metric) and the two PNG charts.</summary>
public static class KpiOutput
{
    public static IReadOnlyList<string> Write(KpiReport r, string folder)
    {
        Directory.CreateDirectory(folder);
        var csvPath = Path.Combine(folder, $"kpi-{r.Month}.csv");
        using (var writer = new StreamWriter(csvPath, false, new System.Text.UTF8Encoding(false)))
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions { Separator = ',', NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture, Injection = CsvInjection.Escape }, true))
        {
            csv.WriteHeader(["month", "process", "metric", "value", "target", "note"]);
            void Row(string process, string metric, decimal? value, decimal? target = null, string? note = null)
            {
                csv.WriteField(r.Month);
                csv.WriteField(process);
                csv.WriteField(metric);
                csv.WriteNumber(value);
                csv.WriteNumber(target);
                csv.WriteField(note ?? "");
                csv.EndRecord();
            }
            foreach (var p in new[] { r.SupplierInvoices, r.Payroll })
            {
                Row(p.Process, "handled", p.Handled);
                Row(p.Process, "fte", p.Fte, note: p.Note);
                Row(p.Process, "handled_per_fte", p.PerFte, p.Target, p.Note);
                Row(p.Process, "gap_to_target", p.Gap);
            }
            const string ap = KpiSettings.SupplierInvoices;
            Row(ap, "posted", r.Posted);
            Row(ap, "touchless", r.Touchless);
            Row(ap, "touchless_rate", r.TouchlessRate);
            Row(ap, "lead_time_calendar_days_avg", r.AverageLeadTimeCalendarDays);
            Row(ap, "lead_time_working_days_avg", r.AverageLeadTimeWorkingDays);
            Row(ap, "sla_compliance", r.SlaCompliance, r.LeadTimeTargetWorkingDays, $"posted within {r.LeadTimeTargetWorkingDays} working days");
            Row(ap, "backlog_at_month_end", r.BacklogAtMonthEnd);
            Row(ap, "einvoice_share", r.EInvoiceShare);
            foreach (var (code, n) in r.ExceptionsByCode) Row(ap, "exceptions:" + code, n);
            foreach (var (role, n) in r.TouchesByRole) Row(ap, "touches_by_role:" + role, n);
            foreach (var (code, n) in r.TouchesByExceptionCode) Row(ap, "touches_by_exception:" + code, n);
        }
        return [csvPath, ThroughputChart(r, folder), ExceptionsChart(r, folder)];
    }

    private static string ThroughputChart(KpiReport r, string folder)
    {
        var plot = new Plot();
        var months = r.Trend.Select(t => t.Month).ToArray();
        var xs = Enumerable.Range(0, months.Length).Select(i => (double)i).ToArray();
        var values = r.Trend.Select(t => (double)(t.PerFte ?? 0)).ToArray();
        var bars = plot.Add.Bars(xs, values);
        bars.LegendText = "Handled invoices per FTE";
        var target = plot.Add.HorizontalLine((double)r.SupplierInvoices.Target);
        target.LegendText = $"Target {r.SupplierInvoices.Target.ToString("N0", CultureInfo.InvariantCulture)}";
        target.LinePattern = LinePattern.Dashed;
        target.Color = Colors.Red;
        plot.Axes.Bottom.SetTicks(xs, months);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 80;
        plot.Axes.Margins(bottom: 0);
        plot.Title($"Supplier invoices handled per FTE, 12 months to {r.Month}");
        plot.XLabel("Month");
        plot.YLabel("Invoices per FTE");
        plot.ShowLegend(Alignment.UpperLeft);
        var path = Path.Combine(folder, $"throughput-{r.Month}.png");
        plot.SavePng(path, 900, 500);
        return path;
    }

    private static string ExceptionsChart(KpiReport r, string folder)
    {
        var plot = new Plot();
        var codes = r.ExceptionsByCode.Keys.ToArray();
        var xs = Enumerable.Range(0, codes.Length).Select(i => (double)i).ToArray();
        var bars = plot.Add.Bars(xs, r.ExceptionsByCode.Values.Select(v => (double)v).ToArray());
        bars.Horizontal = true;
        bars.LegendText = "Handled invoices with the exception";
        plot.Axes.Left.SetTicks(xs, codes);
        plot.Axes.Left.MinimumSize = 220;
        plot.Axes.Margins(left: 0);
        plot.Title($"Exceptions by code, {r.Month}");
        plot.YLabel("Exception code");
        plot.XLabel("Invoices");
        plot.ShowLegend(Alignment.LowerRight);
        var path = Path.Combine(folder, $"exceptions-{r.Month}.png");
        plot.SavePng(path, 900, 550);
        return path;
    }
}
