using System.Globalization;
using System.Text;
using System.Text.Json;
using Guichet.Domain.Identity;

namespace Guichet.Domain.Intake;

/// <summary>
/// Validates an intake message against <c>guichet.dossier.v1</c> (DESIGN §6) and lists every violation with its
/// JSON path and a French message, so that a prescriber fixes a rejected request in one round (invariant 8).
/// Required: <c>schema</c>, <c>externalRef</c>, <c>prescriber {id, type, name}</c>, <c>device</c>,
/// <c>person {lastName, firstName, birthDate, sex}</c>, <c>social {housing}</c>, <c>medical {pathologies}</c> (one
/// at least), <c>submittedAt</c>. Optional: <c>person.ins</c>, <c>social.adminStatus</c>, <c>social.household</c>,
/// <c>social.anchoring</c>, <c>medical.activeSubstanceUse</c>, <c>medical.reducedMobility</c>,
/// <c>medical.summary</c>, <c>wishes</c> — what a street outreach team often cannot know on the first day, and
/// what the readers may ask for. An unknown field is a violation: a misspelt optional field (an INS, say) would
/// otherwise be lost without anyone knowing.
/// </summary>
public static partial class IntakeValidation
{
    /// <summary>The largest message accepted, in UTF-8 bytes of its JSON (48 KiB: its base64 fills a 64 KiB queue message).</summary>
    public const int MaxMessageBytes = 48 * 1024;

    /// <summary>The longest <c>externalRef</c> or <c>prescriber.id</c>, which become table keys.</summary>
    public const int MaxKeyLength = 100;

    /// <summary>The longest name (a person's last or first names).</summary>
    public const int MaxNameLength = 100;

    /// <summary>The longest free text (the prescriber's name, the medical summary).</summary>
    public const int MaxTextLength = 8_000;

    /// <summary>How far in the future a <c>submittedAt</c> may be, for clocks that disagree.</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromHours(1);

    /// <summary>
    /// Reads a raw queue message (JSON, or JSON in base64) received at <paramref name="now"/>: the request, or
    /// every violation. Never throws for a bad message.
    /// </summary>
    public static IntakeResult Validate(string message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        var json = Decode(message);
        var bytes = Encoding.UTF8.GetByteCount(json);
        if (bytes > MaxMessageBytes)
        {
            return IntakeResult.Rejected([new("$", string.Create(CultureInfo.GetCultureInfo("fr-FR"), $"Message trop volumineux : {bytes:N0} octets, {MaxMessageBytes:N0} au plus (48 Kio)."))]);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            return IntakeResult.Rejected([new("$", string.Create(CultureInfo.InvariantCulture, $"Le message n'est pas du JSON valide (ligne {e.LineNumber + 1}, octet {e.BytePositionInLine + 1})."))]);
        }

        using (document)
        {
            var violations = new List<Violation>();
            var request = Read(document.RootElement, violations, now);
            return violations.Count == 0 ? IntakeResult.Accepted(request!) : IntakeResult.Rejected(violations);
        }
    }

    /// <summary>
    /// The JSON text of a message: itself, or its base64 decoding when it is not JSON but valid base64 of UTF-8. The same
    /// request sent plain or in base64 has the same text, so a host keys what it does with a message by this text.
    /// </summary>
    public static string Decode(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var trimmed = message.AsSpan().Trim();
        if (trimmed.IsEmpty || trimmed[0] is '{' or '[' || trimmed.Length > 4 * MaxMessageBytes)
        {
            return message;
        }

        var buffer = new byte[trimmed.Length];
        if (!Convert.TryFromBase64Chars(trimmed, buffer, out var written))
        {
            return message;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return message;
        }
    }

    private static DossierRequest? Read(JsonElement root, List<Violation> violations, DateTimeOffset now)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            violations.Add(new("$", $"Le message doit être un objet JSON, pas {JsonObjectReader.KindInFrench(root.ValueKind)}."));
            return null;
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var r = JsonObjectReader.Open(root, "$", violations)!;
        if (r.String("schema", required: true, 100) is { } schema && schema != DossierRequest.SchemaName)
        {
            r.Add(r.PathOf("schema"), $"Schéma inconnu « {schema} » : attendu « {DossierRequest.SchemaName} ».");
        }

        var externalRef = Key(r, "externalRef");
        var prescriber = ReadPrescriber(r.Object("prescriber", required: true));
        var device = r.Enum<Device>("device", required: true);
        var person = ReadPerson(r.Object("person", required: true), today);
        var social = ReadSocial(r.Object("social", required: true), today);
        var medical = ReadMedical(r.Object("medical", required: true));
        var wishes = ReadWishes(r.Object("wishes", required: false));
        var submittedAt = Instant(r, "submittedAt", now);
        r.Close();

        return violations.Count > 0 ? null
            : new DossierRequest(externalRef!, prescriber!, device!.Value, person!, social!, medical!, wishes ?? Wishes.Anywhere, submittedAt!.Value);
    }

    private static Prescriber? ReadPrescriber(JsonObjectReader? r)
    {
        if (r is null)
        {
            return null;
        }

        var id = Key(r, "id");
        var type = r.Enum<PrescriberType>("type", required: true);
        var name = r.String("name", required: true, MaxTextLength);
        r.Close();
        return id is null || type is null || name is null ? null : new(id, type.Value, name);
    }

    private static Person? ReadPerson(JsonObjectReader? r, DateOnly today)
    {
        if (r is null)
        {
            return null;
        }

        var lastName = Name(r, "lastName");
        var firstName = Name(r, "firstName");
        var birthDate = Date(r, "birthDate", required: true, today, "La date de naissance");
        var sex = r.Enum<Sex>("sex", required: true);
        var ins = r.String("ins", required: false, 100);
        if (ins is not null && Ins.Check(ins) is { } insProblem)
        {
            r.Add(r.PathOf("ins"), insProblem);
            ins = null;
        }

        r.Close();
        return lastName is null || firstName is null || birthDate is null || sex is null ? null
            : new(lastName, firstName, birthDate, sex.Value, ins);
    }

    private static SocialSituation? ReadSocial(JsonObjectReader? r, DateOnly today)
    {
        if (r is null)
        {
            return null;
        }

        var housing = r.Enum<HousingSituation>("housing", required: true);
        var adminStatus = r.Enum<AdminStatus>("adminStatus", required: false);
        var household = ReadHousehold(r.Object("household", required: false));
        var anchoring = ReadAnchoring(r.Object("anchoring", required: false), today);
        r.Close();
        return housing is null ? null : new(housing.Value, adminStatus ?? AdminStatus.Unknown, household ?? Household.Alone, anchoring ?? Anchoring.None);
    }

    private static Household? ReadHousehold(JsonObjectReader? r)
    {
        if (r is null)
        {
            return null;
        }

        var household = new Household(r.Boolean("partner", required: false) ?? false, r.Integer("children", required: false, 0, 20) ?? 0, r.Boolean("pets", required: false) ?? false);
        r.Close();
        return household;
    }

    private static Anchoring? ReadAnchoring(JsonObjectReader? r, DateOnly today)
    {
        if (r is null)
        {
            return null;
        }

        var departments = Departments(r, "departments");
        var since = Date(r, "since", required: false, today, "La date de début du suivi");
        r.Close();
        return new(departments ?? [], since);
    }

    private static MedicalSituation? ReadMedical(JsonObjectReader? r)
    {
        if (r is null)
        {
            return null;
        }

        var pathologies = r.Array("pathologies", required: true, r.EnumValue<Pathology>);
        if (pathologies is { Count: 0 })
        {
            r.Add(r.PathOf("pathologies"), "Au moins une pathologie est attendue (« other » et le résumé médical sinon).");
        }

        var substanceUse = r.Boolean("activeSubstanceUse", required: false);
        var reducedMobility = r.Boolean("reducedMobility", required: false);
        var summary = r.String("summary", required: false, MaxTextLength);
        r.Close();
        return pathologies is null ? null : new(pathologies, substanceUse ?? false, reducedMobility ?? false, summary);
    }

    private static Wishes? ReadWishes(JsonObjectReader? r)
    {
        if (r is null)
        {
            return null;
        }

        var departments = Departments(r, "departments");
        r.Close();
        return new(departments ?? []);
    }
}
