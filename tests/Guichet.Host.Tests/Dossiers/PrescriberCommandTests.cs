using System.Net;
using System.Text.Json;
using Guichet.Host.Security;
using Guichet.Testing;
using static Guichet.Host.Tests.Dossiers.DossierScenarios;

namespace Guichet.Host.Tests.Dossiers;

/// <summary>The prescriber's commands on its own dossiers: withdraw, answer a question; an ended dossier is gone (410).</summary>
[Collection(HostGroup.Name)]
public sealed class PrescriberCommandTests(AzuriteFixture azurite, SharedApp shared)
{
    [Fact]
    public async Task Withdraw_EndsTheDossier_ThenItIsGone()
    {
        var app = await shared.GetAsync(azurite);
        var (id, request) = await OpenAsync(app);
        using var prescriber = Prescriber(app, request);

        using var withdrawn = await prescriber.PostAsync($"/api/dossiers/{id}/withdraw", Json(new { reason = "La personne a trouvé un hébergement." }));
        using var again = await prescriber.PostAsync($"/api/dossiers/{id}/withdraw", Json(new { reason = "Encore." }));
        using var read = await prescriber.GetAsync($"/api/dossiers/{id}");

        Assert.Equal(HttpStatusCode.Accepted, withdrawn.StatusCode);
        Assert.Equal($"http://localhost/api/dossiers/{id}", withdrawn.Headers.Location?.ToString());
        var response = await BodyAsync(withdrawn);
        Assert.Equal("Applied", response.GetProperty("result").GetString());
        Assert.Equal("withdrawn", response.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        var dossier = await BodyAsync(read);
        Assert.Equal("withdrawn", dossier.GetProperty("status").GetString());
        Assert.Equal("withdrawn", dossier.GetProperty("end").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Withdraw_RetriedWithTheSameIdempotencyKey_IsAppliedOnce()
    {
        var app = await shared.GetAsync(azurite);
        var (id, request) = await OpenAsync(app);
        using var prescriber = Prescriber(app, request);
        var key = "retry-" + Guid.NewGuid().ToString("N");

        async Task<HttpResponseMessage> WithdrawAsync()
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, $"/api/dossiers/{id}/withdraw") { Content = Json(new { reason = "Doublon de notre côté." }) };
            message.Headers.Add("Idempotency-Key", key);
            return await prescriber.SendAsync(message);
        }

        using var first = await WithdrawAsync();
        using var retried = await WithdrawAsync();

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        var eventId = (await BodyAsync(first)).GetProperty("eventId").GetString();
        Assert.StartsWith("http:", eventId, StringComparison.Ordinal);
        Assert.EndsWith(":" + key, eventId, StringComparison.Ordinal);
        Assert.Equal("Duplicate", (await BodyAsync(retried)).GetProperty("result").GetString());
    }

    [Fact]
    public async Task Withdraw_WithoutReason_Is400NamingTheField_AndChangesNothing()
    {
        var app = await shared.GetAsync(azurite);
        var (id, request) = await OpenAsync(app);
        using var prescriber = Prescriber(app, request);

        using var response = await prescriber.PostAsync($"/api/dossiers/{id}/withdraw", Json(new { reason = "  " }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await BodyAsync(response)).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal("received", await StatusAsync(app, id));
    }

    [Fact]
    public async Task AnotherPrescriber_CannotWithdraw_AndLearnsNothing()
    {
        var app = await shared.GetAsync(azurite);
        var (id, _) = await OpenAsync(app);
        using var other = Prescriber(app, Request());

        using var response = await other.PostAsync($"/api/dossiers/{id}/withdraw", Json(new { reason = "Pas à nous." }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal($"Aucun dossier « {id} ».", (await BodyAsync(response)).GetProperty("detail").GetString());
        Assert.Equal("received", await StatusAsync(app, id));
    }

    [Fact]
    public async Task Information_WhenNoQuestionIsOpen_Is422WithTheFrenchReason()
    {
        var app = await shared.GetAsync(azurite);
        var (id, request) = await OpenAsync(app);
        using var prescriber = Prescriber(app, request);

        using var response = await prescriber.PostAsync($"/api/dossiers/{id}/information", Json(new { answer = "Voici le compte rendu." }));

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Equal("Aucune information n'est demandée au prescripteur pour ce dossier.", (await BodyAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task QuestionOfTheSocialReader_AnsweredByThePrescriber_PutsTheDossierBackUnderReview()
    {
        var app = await shared.GetAsync(azurite);
        var (id, request) = await OpenAsync(app);
        using var social = As(app, Roles.SocialReader);
        using var prescriber = Prescriber(app, request);
        const string question = "La personne a-t-elle une domiciliation administrative ?";

        using var asked = await social.PostAsync($"/api/dossiers/{id}/readings/social", Json(new { verdict = "needs-information", vulnerability = 3, housing = "street-or-squat", question }));
        var open = await BodyAsync(await prescriber.GetAsync($"/api/dossiers/{id}"));
        using var answered = await prescriber.PostAsync($"/api/dossiers/{id}/information", Json(new { answer = "Oui, au CCAS de Saint-Denis." }));
        var after = await BodyAsync(await social.GetAsync($"/api/dossiers/{id}"));

        Assert.Equal("needs-information", (await BodyAsync(asked)).GetProperty("status").GetString());
        Assert.Equal(question, open.GetProperty("information").GetProperty("question").GetString());
        Assert.Equal(HttpStatusCode.Accepted, answered.StatusCode);
        Assert.Equal("under-review", (await BodyAsync(answered)).GetProperty("status").GetString());
        Assert.Equal("under-review", after.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("information").ValueKind);
        Assert.Equal("Oui, au CCAS de Saint-Denis.", after.GetProperty("answered")[0].GetProperty("answers")[0].GetString());
    }

    [Fact]
    public async Task QuestionOfTheMedicalReader_IsShownToThePrescriber_NotToTheSocialReader()
    {
        var app = await shared.GetAsync(azurite);
        var (id, request) = await OpenAsync(app);
        using var medical = As(app, Roles.MedicalReader);
        using var social = As(app, Roles.SocialReader);
        using var prescriber = Prescriber(app, request);
        const string question = "Merci de joindre le dernier bilan VIH.";

        (await medical.PostAsync($"/api/dossiers/{id}/readings/medical", Json(new { verdict = "needs-information", severity = 3, question }))).Dispose();
        var seenByPrescriber = await BodyAsync(await prescriber.GetAsync($"/api/dossiers/{id}"));
        var seenBySocial = await BodyAsync(await social.GetAsync($"/api/dossiers/{id}"));

        Assert.Equal(question, seenByPrescriber.GetProperty("information").GetProperty("question").GetString());
        Assert.Equal("medical", seenBySocial.GetProperty("information").GetProperty("askedBy").GetString());
        Assert.False(seenBySocial.GetProperty("information").TryGetProperty("question", out _));
    }
}
