using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Hosting;

/// <summary>
/// The data annotations of an options class and of every options object inside it (sections, lists, dictionaries),
/// each failure named by its configuration key (<c>Pipeline:Intake:ChunkSize: …</c>), so a bad setting stops the
/// program at start with where to fix it instead of a night that quietly does nothing.
/// </summary>
public static class OptionsValidation
{
    public static List<string> Failures(object options, string section)
    {
        var failures = new List<string>();
        Walk(options, section, failures);
        return failures;
    }

    /// <summary>For options read outside the host's <see cref="IOptions{TOptions}"/> (wiring, engines built by hand).</summary>
    public static T Checked<T>(T options, string section) where T : class
    {
        var failures = Failures(options, section);
        return failures.Count == 0 ? options : throw new OptionsValidationException(section, typeof(T), failures);
    }

    private static void Walk(object value, string key, List<string> failures)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true);
        foreach (var r in results)
        {
            var member = r.MemberNames.FirstOrDefault() is { } name ? KeyOf(value.GetType().GetProperty(name)) ?? name : null;
            failures.Add($"{(member is null ? key : key + ":" + member)}: {r.ErrorMessage}");
        }
        foreach (var p in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetIndexParameters().Length > 0 || p.GetValue(value) is not { } child) continue;
            var childKey = key + ":" + KeyOf(p);
            switch (child)
            {
                case IDictionary map:
                    foreach (DictionaryEntry e in map)
                        if (e.Value is { } v && IsOptions(v)) Walk(v, childKey + ":" + Convert.ToString(e.Key, CultureInfo.InvariantCulture), failures);
                    break;
                case IEnumerable items and not string:
                    var i = 0;
                    foreach (var item in items)
                    {
                        if (item is not null && IsOptions(item)) Walk(item, childKey + ":" + i.ToString(CultureInfo.InvariantCulture), failures);
                        i++;
                    }
                    break;
                default:
                    if (IsOptions(child)) Walk(child, childKey, failures);
                    break;
            }
        }
    }

    /// <summary>The configuration key of a property: its name, or the one <see cref="ConfigurationKeyNameAttribute"/> gives it.</summary>
    private static string? KeyOf(PropertyInfo? p) => p is null ? null : p.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? p.Name;

    /// <summary>Our own option classes are walked into; framework values (strings, numbers, time spans) are leaves.</summary>
    private static bool IsOptions(object value) => value.GetType() is { IsClass: true } t && t.Assembly == typeof(OptionsValidation).Assembly;
}

/// <summary>Checks an options section with <see cref="OptionsValidation"/> when the host starts (ValidateOnStart).</summary>
public sealed class KeyedOptionsValidator<T>(string section) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = OptionsValidation.Failures(options, section);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>A time zone id this machine knows (Pipeline:TimeZone).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class KnownTimeZoneAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string id) return ValidationResult.Success;
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id);
            return ValidationResult.Success;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return new ValidationResult($"unknown time zone '{id}'", [validationContext.MemberName!]);
        }
    }
}

/// <summary>Queues a job of this program is put on (its <see cref="QueueAttribute"/>s, and Hangfire's default).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class KnownQueuesAttribute : ValidationAttribute
{
    public static readonly IReadOnlySet<string> Known = typeof(KnownQueuesAttribute).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        .Select(m => m.GetCustomAttribute<QueueAttribute>()?.Queue).OfType<string>()
        .Append("default").ToHashSet(StringComparer.Ordinal);

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not IEnumerable<string> queues) return ValidationResult.Success;
        var unknown = queues.Where(q => !Known.Contains(q)).ToList();
        return unknown.Count == 0 ? ValidationResult.Success : new ValidationResult(
            $"unknown queue(s) {string.Join(", ", unknown.Select(q => $"'{q}'"))}; the jobs use {string.Join(", ", Known.Order(StringComparer.Ordinal))}",
            [validationContext.MemberName!]);
    }
}
