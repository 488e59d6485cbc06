using System.Security.Claims;
using Guichet.Host.Security;
using Guichet.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Host.Tests;

/// <summary>Each audience's policy: its role, and for prescribers and structures their organisation.</summary>
[Collection(HostGroup.Name)]
public sealed class PolicyTests(AzuriteFixture azurite, SharedApp shared)
{
    private static ClaimsPrincipal User(string role, string? org) =>
        new(new ClaimsIdentity(
            new[] { new Claim("sub", "u"), new Claim("roles", role) }.Concat(org is null ? [] : [new Claim("org", org)]),
            "Bearer",
            "name",
            "roles"));

    [Theory]
    [InlineData(Policies.Prescribers, Roles.Prescriber, "hopital-x", true)]
    [InlineData(Policies.Prescribers, Roles.Prescriber, null, false)]
    [InlineData(Policies.Structures, Roles.Structure, "act-paris-12", true)]
    [InlineData(Policies.Structures, Roles.Structure, null, false)]
    [InlineData(Policies.MedicalReaders, Roles.MedicalReader, null, true)]
    [InlineData(Policies.MedicalReaders, Roles.SocialReader, null, false)]
    [InlineData(Policies.SocialReaders, Roles.SocialReader, null, true)]
    [InlineData(Policies.Commission, Roles.Commission, null, true)]
    [InlineData(Policies.Administration, Roles.ArsAdmin, null, true)]
    [InlineData(Policies.Administration, Roles.Observatory, null, false)]
    [InlineData(Policies.Observatory, Roles.Observatory, null, true)]
    [InlineData(Policies.DossierReaders, Roles.Prescriber, "hopital-x", true)]
    [InlineData(Policies.DossierReaders, Roles.Prescriber, null, false)]
    [InlineData(Policies.DossierReaders, Roles.MedicalReader, null, true)]
    [InlineData(Policies.DossierReaders, Roles.Commission, null, true)]
    [InlineData(Policies.DossierReaders, Roles.Structure, "act-paris-12", false)]
    [InlineData(Policies.DossierReaders, Roles.Observatory, null, false)]
    [InlineData(Policies.Reviewers, Roles.SocialReader, null, true)]
    [InlineData(Policies.Reviewers, Roles.ArsAdmin, null, true)]
    [InlineData(Policies.Reviewers, Roles.Commission, null, false)]
    [InlineData(Policies.Reviewers, Roles.Prescriber, "hopital-x", false)]
    [InlineData(Policies.GridReaders, Roles.Observatory, null, true)]
    [InlineData(Policies.GridReaders, Roles.SocialReader, null, true)]
    [InlineData(Policies.GridReaders, Roles.Prescriber, "hopital-x", false)]
    [InlineData(Policies.GridReaders, Roles.Structure, "act-paris-12", false)]
    [InlineData(Policies.WaitingList, Roles.Prescriber, "hopital-x", true)]
    [InlineData(Policies.WaitingList, Roles.Prescriber, null, false)]
    [InlineData(Policies.WaitingList, Roles.MedicalReader, null, true)]
    [InlineData(Policies.WaitingList, Roles.Observatory, null, false)]
    [InlineData(Policies.WaitingList, Roles.Structure, "act-paris-12", false)]
    [InlineData(Policies.CommissionOrAdministration, Roles.Commission, null, true)]
    [InlineData(Policies.CommissionOrAdministration, Roles.ArsAdmin, null, true)]
    [InlineData(Policies.CommissionOrAdministration, Roles.SocialReader, null, false)]
    public async Task Policy_GrantsItsRoleOnly(string policy, string role, string? org, bool granted)
    {
        var app = await shared.GetAsync(azurite);
        var authorization = app.Services.GetRequiredService<IAuthorizationService>();

        var result = await authorization.AuthorizeAsync(User(role, org), null, policy);

        Assert.Equal(granted, result.Succeeded);
    }
}
