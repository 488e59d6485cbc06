using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Guichet.Domain.Intake;

/// <summary>The field rules of the intake schema that say more than a type: keys, names, dates, instants, départements.</summary>
public static partial class IntakeValidation
{
    /// <summary>
    /// A string that becomes a table key (<c>externalRef</c>, <c>prescriber.id</c>): the storage tables refuse
    /// <c>/ \ # ?</c> and control characters in keys, so they are refused here, with the length, before anything is stored.
    /// </summary>
    private static string? Key(JsonObjectReader r, string name)
    {
        var path = r.PathOf(name);
        if (r.Field(name, required: true) is not { } value || r.Text(value, path, int.MaxValue, checkControl: false) is not { } key)
        {
            return null;
        }

        if (key.Length > MaxKeyLength)
        {
            r.Add(path, string.Create(CultureInfo.InvariantCulture, $"Trop long : {key.Length} caractères, {MaxKeyLength} au plus."));
            return null;
        }

        if (!HasKeyCharacters(key))
        {
            r.Add(path, "Caractères interdits : / \\ # ? et les caractères de contrôle ne sont pas acceptés.");
            return null;
        }

        return key;
    }

    /// <summary>Whether <paramref name="key"/> has only characters a table key accepts: none of <c>/ \ # ?</c>, no control character.</summary>
    public static bool HasKeyCharacters(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return !key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
    }

    /// <summary>A person's name: non-blank, with at least one letter, so that it normalises to something matching can compare.</summary>
    private static string? Name(JsonObjectReader r, string name)
    {
        var value = r.String(name, required: true, MaxNameLength);
        if (value is not null && !value.Any(char.IsLetter))
        {
            r.Add(r.PathOf(name), "Doit contenir au moins une lettre.");
            return null;
        }

        return value;
    }

    /// <summary>A date or a year alone, which exists, is not before 1900 and not after today.</summary>
    private static PartialDate? Date(JsonObjectReader r, string name, bool required, DateOnly today, string what)
    {
        if (r.Field(name, required) is not { } value)
        {
            return null;
        }

        var path = r.PathOf(name);
        if (value.ValueKind != JsonValueKind.String)
        {
            r.Add(path, $"Doit être une date AAAA-MM-JJ, ou une année AAAA, en chaîne, pas {JsonObjectReader.KindInFrench(value.ValueKind)}.");
            return null;
        }

        var text = value.GetString()!;
        if (!PartialDate.TryParse(text, out var date))
        {
            r.Add(path, PartialDate.LooksLikeDate(text)
                ? $"Date impossible : « {text} » n'existe pas."
                : $"Date attendue au format AAAA-MM-JJ, ou AAAA si seule l'année est connue, pas « {text} ».");
            return null;
        }

        if (date!.Year < 1900)
        {
            r.Add(path, $"{what} est antérieure à 1900.");
            return null;
        }

        if (date.Earliest > today)
        {
            r.Add(path, $"{what} est dans le futur.");
            return null;
        }

        return date;
    }

    /// <summary>An ISO 8601 instant with its offset (<c>Z</c> or <c>±hh:mm</c>), not in the future beyond the clock tolerance.</summary>
    private static DateTimeOffset? Instant(JsonObjectReader r, string name, DateTimeOffset now)
    {
        if (r.Field(name, required: true) is not { } value)
        {
            return null;
        }

        var path = r.PathOf(name);
        if (value.ValueKind != JsonValueKind.String
            || !InstantShape().IsMatch(value.GetString()!)
            || !DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            r.Add(path, "Instant ISO 8601 attendu, avec son fuseau, par exemple « 2026-11-23T10:15:00Z » ou « 2026-11-23T11:15:00+01:00 ».");
            return null;
        }

        if (instant > now + ClockTolerance)
        {
            r.Add(path, "La date de dépôt est dans le futur.");
            return null;
        }

        return instant;
    }

    /// <summary>An array of département codes of the region, each once.</summary>
    private static Department[]? Departments(JsonObjectReader r, string name)
    {
        var departments = r.Array<Department>(name, required: false, (element, path) =>
        {
            if (element.ValueKind == JsonValueKind.String && !WireName.TryParse<Department>(element.GetString(), out _))
            {
                r.Add(path, $"Département inconnu « {element.GetString()} » : la région Île-de-France couvre {string.Join(", ", WireName.All<Department>())}.");
                return null;
            }

            return r.EnumValue<Department>(element, path);
        });
        return departments?.Distinct().ToArray();
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex InstantShape();
}
