using System.Text.Json.Serialization;

namespace Guichet.Domain.Intake;

/// <summary>
/// A request for a place, as a prescriber sends it on <c>dossiers-intake</c> (schema <c>guichet.dossier.v1</c>,
/// DESIGN §6), once <see cref="IntakeValidation"/> has accepted it. The wire is JSON in camelCase; enums are
/// spelled as their <c>JsonStringEnumMemberName</c> says (kebab-case, devices in capitals, départements as codes).
/// </summary>
/// <param name="ExternalRef">The prescriber's own reference; with <see cref="Prescriber"/>'s id, the idempotency key.</param>
/// <param name="Prescriber">Who sends it.</param>
/// <param name="Device">The device asked for.</param>
/// <param name="Person">Who it is for.</param>
/// <param name="Social">The social situation, for the social reading and the grid.</param>
/// <param name="Medical">The medical situation, visible to medical roles only.</param>
/// <param name="Wishes">Where the person wishes to live; may be empty.</param>
/// <param name="SubmittedAt">When the prescriber submitted it: the request date seniority counts from.</param>
public sealed record DossierRequest(
    string ExternalRef,
    Prescriber Prescriber,
    Device Device,
    Person Person,
    SocialSituation Social,
    MedicalSituation Medical,
    Wishes Wishes,
    DateTimeOffset SubmittedAt)
{
    /// <summary>The schema this record reads and writes.</summary>
    public const string SchemaName = "guichet.dossier.v1";

    /// <summary>The schema name, as on the wire; always <see cref="SchemaName"/> (a field, so that it is written with the record).</summary>
    public string Schema { get; init; } = SchemaName;

    /// <summary>What makes a second delivery of the same request the same request (DESIGN §6).</summary>
    [JsonIgnore]
    public IntakeKey Key => new(Prescriber.Id, ExternalRef);
}

/// <summary>
/// The idempotency key of a request: the prescriber's id and its own reference. Both are safe as table keys
/// (validated: no <c>/ \ # ?</c>, no control character, 100 characters at most).
/// </summary>
/// <param name="PrescriberId">The prescriber's id.</param>
/// <param name="ExternalRef">The prescriber's reference for the request.</param>
public sealed record IntakeKey(string PrescriberId, string ExternalRef);

/// <summary>The organisation that sends the request.</summary>
/// <param name="Id">Its stable id (a FINESS number, a SIRET, the connector's code).</param>
/// <param name="Type">What kind of organisation it is.</param>
/// <param name="Name">Its name, as shown to readers and structures.</param>
public sealed record Prescriber(string Id, PrescriberType Type, string Name);

/// <summary>The person the request is for: what identity matching reads.</summary>
/// <param name="LastName">Last name as given (accents, hyphens, particles kept).</param>
/// <param name="FirstName">First name or names as given.</param>
/// <param name="BirthDate">The birth date, or its year alone when that is all that is known.</param>
/// <param name="Sex">The sex, or unknown.</param>
/// <param name="Ins">The national health identifier (INS: 13-character NIR and 2-digit key) when known; optional.</param>
public sealed record Person(string LastName, string FirstName, PartialDate BirthDate, Sex Sex, string? Ins);

/// <summary>The social part of the request.</summary>
/// <param name="Housing">Where the person sleeps now.</param>
/// <param name="AdminStatus">Administrative status; optional on the wire (then unknown).</param>
/// <param name="Household">Who would live with the person; optional on the wire (then alone, no pet).</param>
/// <param name="Anchoring">Where the person is followed; optional on the wire (then none).</param>
public sealed record SocialSituation(HousingSituation Housing, AdminStatus AdminStatus, Household Household, Anchoring Anchoring);

/// <summary>Who would live with the person, which structures weigh (household compatibility, pets).</summary>
/// <param name="Partner">Whether a partner would live with the person.</param>
/// <param name="Children">How many children would (0 to 20).</param>
/// <param name="Pets">Whether the person has a pet (a dog, a cat) that comes along.</param>
public sealed record Household(bool Partner, int Children, bool Pets)
{
    /// <summary>A person alone, with no pet: what an absent household means.</summary>
    public static Household Alone { get; } = new(false, 0, false);
}

/// <summary>Territorial anchoring: the départements where the person is followed, and since when.</summary>
/// <param name="Departments">The départements of the region where the person is followed; may be empty.</param>
/// <param name="Since">Since when the person is followed in the region, a date or a year; null when unknown.</param>
public sealed record Anchoring(IReadOnlyList<Department> Departments, PartialDate? Since)
{
    /// <summary>No known anchoring: what an absent anchoring means.</summary>
    public static Anchoring None { get; } = new([], null);
}

/// <summary>The medical part of the request, visible to medical roles only.</summary>
/// <param name="Pathologies">The declared pathologies, at least one.</param>
/// <param name="ActiveSubstanceUse">Whether the person actively uses drugs or alcohol; optional on the wire (then false).</param>
/// <param name="ReducedMobility">Whether the person's mobility is reduced; optional on the wire (then false).</param>
/// <param name="Summary">A free-text medical summary; optional, the medical reader may ask for it.</param>
public sealed record MedicalSituation(IReadOnlyList<Pathology> Pathologies, bool ActiveSubstanceUse, bool ReducedMobility, string? Summary);

/// <summary>The person's wishes.</summary>
/// <param name="Departments">The départements where the person wishes to live; empty means anywhere in the region.</param>
public sealed record Wishes(IReadOnlyList<Department> Departments)
{
    /// <summary>No wish: anywhere in the region.</summary>
    public static Wishes Anywhere { get; } = new([]);
}
