using System.Text;
using System.Text.Json.Nodes;
using Guichet.Domain.Intake;
using static Guichet.Domain.Tests.Intake.IntakeMessages;

namespace Guichet.Domain.Tests.Intake;

/// <summary>Invariant 8 and DESIGN §6: a message is accepted as a request, or rejected with every violation and its path.</summary>
public sealed class IntakeValidationTests
{
    private static IntakeResult Validate(JsonNode message) => IntakeValidation.Validate(message.ToJsonString(), Now);

    private static Dictionary<string, string> ViolationsByPath(IntakeResult result)
    {
        Assert.False(result.IsValid);
        return result.Violations.ToDictionary(v => v.Path, v => v.Message);
    }

    [Fact]
    public void CompleteRequest_IsAccepted_WithEveryField()
    {
        var request = Validate(Complete()).Request!;

        Assert.Equal(new IntakeKey("maraude-samu-social-75", "VT-2026-000123"), request.Key);
        Assert.Equal((Device.Act, PrescriberType.StreetOutreach), (request.Device, request.Prescriber.Type));
        Assert.Equal(("Diallo", "Mamadou", "1978-04-17", Sex.Male, "178029912304534"),
            (request.Person.LastName, request.Person.FirstName, request.Person.BirthDate.ToString(), request.Person.Sex, request.Person.Ins));
        Assert.Equal([Department.SeineSaintDenis, Department.Paris], request.Social.Anchoring.Departments);
        Assert.True(request.Social.Anchoring.Since!.IsYearOnly);
        Assert.Equal([Pathology.Hiv, Pathology.Diabetes], request.Medical.Pathologies);
        Assert.Equal(new Household(false, 0, true), request.Social.Household);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 7, 15, 0, TimeSpan.Zero), request.SubmittedAt);
    }

    [Fact]
    public void MinimalRequest_IsAccepted_OptionalPartsTakeTheirDefaults()
    {
        var request = Validate(Minimal()).Request!;

        Assert.Null(request.Person.Ins);
        Assert.True(request.Person.BirthDate.IsYearOnly);
        Assert.Equal(AdminStatus.Unknown, request.Social.AdminStatus);
        Assert.Equal(Household.Alone, request.Social.Household);
        Assert.Empty(request.Social.Anchoring.Departments);
        Assert.Empty(request.Wishes.Departments);
        Assert.Null(request.Medical.Summary);
        Assert.False(request.Medical.ActiveSubstanceUse);
    }

    [Fact]
    public void SameRequestTwice_HasTheSameIdempotencyKey_PrescriberIdAndExternalRef()
    {
        var again = Complete();
        again["person"]!["firstName"] = "Mamadou Saliou";

        Assert.Equal(Validate(Complete()).Request!.Key, Validate(again).Request!.Key);
    }

    [Fact]
    public void Base64Message_IsDecodedThenValidated()
    {
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(Complete().ToJsonString()));

        Assert.True(IntakeValidation.Validate(base64, Now).IsValid);
    }

    [Theory]
    [InlineData("{\"schema\": ")]
    [InlineData("pas du json")]
    [InlineData("")]
    public void NotJson_IsRejectedAtTheRoot(string message)
    {
        var violation = Assert.Single(IntakeValidation.Validate(message, Now).Violations);

        Assert.Equal("$", violation.Path);
        Assert.StartsWith("Le message n'est pas du JSON valide", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnArray_IsNotARequest()
    {
        var violation = Assert.Single(IntakeValidation.Validate($"[{Complete().ToJsonString()}]", Now).Violations);

        Assert.Equal(new Violation("$", "Le message doit être un objet JSON, pas un tableau."), violation);
    }

    [Fact]
    public void WrongSchema_IsRejected()
    {
        var message = Complete();
        message["schema"] = "guichet.dossier.v2";

        Assert.Equal("Schéma inconnu « guichet.dossier.v2 » : attendu « guichet.dossier.v1 ».", ViolationsByPath(Validate(message))["$.schema"]);
    }

    [Fact]
    public void EmptyObject_ListsEveryMissingRequiredField()
    {
        var violations = ViolationsByPath(Validate(new JsonObject()));

        Assert.Equal(["$.schema", "$.externalRef", "$.prescriber", "$.device", "$.person", "$.social", "$.medical", "$.submittedAt"], violations.Keys);
        Assert.All(violations.Values, m => Assert.Equal("Champ obligatoire manquant.", m));
    }

    [Fact]
    public void MissingNestedFields_AreListedWithTheirPath_NullCountsAsMissing()
    {
        var message = Complete();
        message["person"] = new JsonObject { ["lastName"] = null, ["sex"] = "female" };
        message["prescriber"]!.AsObject().Remove("type");

        Assert.Equal(["$.prescriber.type", "$.person.lastName", "$.person.firstName", "$.person.birthDate"], ViolationsByPath(Validate(message)).Keys);
    }

    [Fact]
    public void IntakeWithEveryFieldWrong_ListsEachViolationWithItsPath()
    {
        var message = new JsonObject
        {
            ["schema"] = "guichet.dossier",
            ["externalRef"] = "VT/2026#12?",
            ["prescriber"] = new JsonObject { ["id"] = new string('p', 101), ["type"] = "pharmacy", ["name"] = "  " },
            ["device"] = "EHPAD",
            ["person"] = new JsonObject { ["lastName"] = "", ["firstName"] = 42, ["birthDate"] = "2026-02-30", ["sex"] = "M", ["ins"] = "178029912304535" },
            ["social"] = new JsonObject
            {
                ["housing"] = "hotel",
                ["adminStatus"] = true,
                ["household"] = new JsonObject { ["partner"] = "oui", ["children"] = -1, ["pets"] = 1 },
                ["anchoring"] = new JsonObject { ["departments"] = new JsonArray("93", "13"), ["since"] = "2030-01-01" },
            },
            ["medical"] = new JsonObject { ["pathologies"] = "hiv", ["activeSubstanceUse"] = "non", ["summary"] = 3 },
            ["wishes"] = new JsonObject { ["departments"] = new JsonArray(75, "94") },
            ["submittedAt"] = "23/11/2026 08:15",
            ["priority"] = "urgent",
        };

        var violations = ViolationsByPath(Validate(message));

        Assert.Equal(
            [
                "$.schema", "$.externalRef", "$.prescriber.id", "$.prescriber.type", "$.prescriber.name", "$.device",
                "$.person.lastName", "$.person.firstName", "$.person.birthDate", "$.person.sex", "$.person.ins",
                "$.social.housing", "$.social.adminStatus", "$.social.household.partner", "$.social.household.children",
                "$.social.household.pets", "$.social.anchoring.departments[1]", "$.social.anchoring.since",
                "$.medical.pathologies", "$.medical.activeSubstanceUse", "$.medical.summary", "$.wishes.departments[0]",
                "$.submittedAt", "$.priority",
            ],
            violations.Keys);
        Assert.Equal("Date impossible : « 2026-02-30 » n'existe pas.", violations["$.person.birthDate"]);
        Assert.Equal("Valeur inconnue « EHPAD » : valeurs acceptées ACT, LHSS, LAM.", violations["$.device"]);
        Assert.Equal("Département inconnu « 13 » : la région Île-de-France couvre 75, 77, 78, 91, 92, 93, 94, 95.", violations["$.social.anchoring.departments[1]"]);
        Assert.Equal("Trop long : 101 caractères, 100 au plus.", violations["$.prescriber.id"]);
        Assert.Equal("La date de début du suivi est dans le futur.", violations["$.social.anchoring.since"]);
        Assert.Contains("clé de contrôle", violations["$.person.ins"], StringComparison.Ordinal);
        Assert.StartsWith("Doit être un tableau", violations["$.medical.pathologies"], StringComparison.Ordinal);
        Assert.StartsWith("Champ inconnu", violations["$.priority"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-02-30", "Date impossible : « 2026-02-30 » n'existe pas.")]
    [InlineData("1978-13-01", "Date impossible : « 1978-13-01 » n'existe pas.")]
    [InlineData("17/04/1978", "Date attendue au format AAAA-MM-JJ, ou AAAA si seule l'année est connue, pas « 17/04/1978 ».")]
    [InlineData("2026-11-24", "La date de naissance est dans le futur.")]
    [InlineData("2027", "La date de naissance est dans le futur.")]
    [InlineData("1899-12-31", "La date de naissance est antérieure à 1900.")]
    public void ImpossibleFutureOrAncientBirthDate_IsRejected(string birthDate, string message)
    {
        var request = Complete();
        request["person"]!["birthDate"] = birthDate;

        Assert.Equal(message, ViolationsByPath(Validate(request))["$.person.birthDate"]);
    }

    [Theory]
    [InlineData("1978")]
    [InlineData("1900-01-01")]
    [InlineData("2026-11-23")]
    public void BirthYearAloneOrAFullDate_IsAccepted(string birthDate)
    {
        var request = Complete();
        request["person"]!["birthDate"] = birthDate;

        Assert.Equal(birthDate, Validate(request).Request!.Person.BirthDate.ToString());
    }

    [Theory]
    [InlineData("2026-11-23T08:15:00")]
    [InlineData("2026-11-23")]
    [InlineData("2026-11-23 08:15:00Z")]
    [InlineData("2026-11-31T08:15:00Z")]
    public void SubmittedAtNotAnIsoInstantWithItsOffset_IsRejected(string submittedAt)
    {
        var request = Complete();
        request["submittedAt"] = submittedAt;

        Assert.StartsWith("Instant ISO 8601 attendu", ViolationsByPath(Validate(request))["$.submittedAt"], StringComparison.Ordinal);
    }

    [Fact]
    public void SubmittedAtInTheFuture_IsRejected_BeyondTheClockTolerance()
    {
        var (soon, later) = (Complete(), Complete());
        soon["submittedAt"] = "2026-11-23T10:00:00Z";
        later["submittedAt"] = "2026-11-23T11:00:00Z";

        Assert.True(Validate(soon).IsValid);
        Assert.Equal("La date de dépôt est dans le futur.", ViolationsByPath(Validate(later))["$.submittedAt"]);
    }

    [Theory]
    [InlineData("VT/123")]
    [InlineData("VT\\123")]
    [InlineData("VT#123")]
    [InlineData("VT?123")]
    [InlineData("VT\u0001123")]
    [InlineData("VT\u007F123")]
    public void KeysWithCharactersForbiddenInTableKeys_AreRejected(string key)
    {
        var request = Complete();
        request["externalRef"] = key;
        request["prescriber"]!["id"] = key;

        var violations = ViolationsByPath(Validate(request));

        Assert.StartsWith("Caractères interdits", violations["$.externalRef"], StringComparison.Ordinal);
        Assert.StartsWith("Caractères interdits", violations["$.prescriber.id"], StringComparison.Ordinal);
    }

    [Fact]
    public void KeysOfAHundredCharacters_AreAccepted_AHundredAndOneAreNot()
    {
        var (fits, tooLong) = (Complete(), Complete());
        fits["externalRef"] = new string('x', 100);
        tooLong["externalRef"] = new string('x', 101);

        Assert.True(Validate(fits).IsValid);
        Assert.Equal("Trop long : 101 caractères, 100 au plus.", ViolationsByPath(Validate(tooLong))["$.externalRef"]);
    }

    [Theory]
    [InlineData("lastName")]
    [InlineData("firstName")]
    public void EmptyOrBlankNames_AreRejected(string field)
    {
        var (empty, blank, noLetter) = (Complete(), Complete(), Complete());
        empty["person"]![field] = "";
        blank["person"]![field] = "   ";
        noLetter["person"]![field] = "--";

        Assert.Equal("Ne doit pas être vide.", ViolationsByPath(Validate(empty))[$"$.person.{field}"]);
        Assert.Equal("Ne doit pas être vide.", ViolationsByPath(Validate(blank))[$"$.person.{field}"]);
        Assert.Equal("Doit contenir au moins une lettre.", ViolationsByPath(Validate(noLetter))[$"$.person.{field}"]);
    }

    [Fact]
    public void NoPathology_IsRejected()
    {
        var request = Complete();
        request["medical"]!["pathologies"] = new JsonArray();

        Assert.StartsWith("Au moins une pathologie", ViolationsByPath(Validate(request))["$.medical.pathologies"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("178029912304534", true)]
    [InlineData("269022A12345640", true)]
    [InlineData("178029912304535", false)]
    [InlineData("1 78 02 99 123 045 34", false)]
    [InlineData("578029912304534", false)]
    public void Ins_IsCheckedWithItsKey(string ins, bool valid)
    {
        var request = Complete();
        request["person"]!["ins"] = ins;

        Assert.Equal(valid, Validate(request).IsValid);
    }

    [Fact]
    public void OversizedMessage_IsRejectedBeforeItIsRead()
    {
        var request = Complete();
        request["medical"]!["summary"] = new string('a', 7_000);
        request["padding"] = new string('b', 45_000);

        var violation = Assert.Single(Validate(request).Violations);

        Assert.Equal("$", violation.Path);
        Assert.StartsWith("Message trop volumineux", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateField_IsRejected()
    {
        var json = Complete().ToJsonString().Replace("\"device\":\"ACT\"", "\"device\":\"ACT\",\"device\":\"LAM\"", StringComparison.Ordinal);

        Assert.Equal("Champ en double : il ne doit apparaître qu'une fois.", IntakeValidation.Validate(json, Now).Violations.Single().Message);
    }

    [Fact]
    public void UnknownFieldWithAnOddName_IsReportedInBracketNotation()
    {
        var request = Complete();
        request["person"]!["birth date"] = "1978-04-17";

        Assert.Contains("$.person['birth date']", ViolationsByPath(Validate(request)).Keys);
    }
}
