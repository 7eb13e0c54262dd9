using Leaflets.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace Leaflets.Api.Tests;

public sealed class LanguageNegotiationTests
{
    private static readonly string[] Offered = ["en-GB", "cy"];

    private static HttpRequest Request(string? acceptLanguage, string? lang = null)
    {
        var context = new DefaultHttpContext();
        if (acceptLanguage is not null)
        {
            context.Request.Headers.AcceptLanguage = acceptLanguage;
        }
        if (lang is not null)
        {
            context.Request.QueryString = QueryString.Create(LanguageNegotiation.Parameter, lang);
        }
        return context.Request;
    }

    [Theory]
    [InlineData(null, "en-GB")]
    [InlineData("", "en-GB")]
    [InlineData("cy", "cy")]
    [InlineData("CY", "cy")]
    [InlineData("cy-GB", "cy")]
    [InlineData("en", "en-GB")]
    [InlineData("en-gb", "en-GB")]
    [InlineData("fr", "en-GB")]
    [InlineData("*", "en-GB")]
    [InlineData("fr, cy;q=0.8, en;q=0.5", "cy")]
    [InlineData("en;q=0.4, cy;q=0.9", "cy")]
    [InlineData("cy;q=0.5, en;q=0.5", "cy")]
    [InlineData("*, en;q=0", "cy")]
    [InlineData("fr, en-GB;q=0", "cy")]
    [InlineData("cy, *;q=0", "cy")]
    [InlineData("cy-GB, *;q=0", "cy")]
    [InlineData("en;q=0, en-GB", "en-GB")]
    [InlineData("not a tag, cy", "cy")]
    public void Accept_Language_chooses_by_q_value_and_prefix_lookup_both_ways_and_no_match_takes_the_main_language(
        string? acceptLanguage, string chosen)
    {
        Assert.True(LanguageNegotiation.TryChoose(Request(acceptLanguage), Offered, out var language, out var problem));
        Assert.Equal(chosen, language);
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("*;q=0")]
    [InlineData("fr, *;q=0")]
    [InlineData("en;q=0, cy;q=0")]
    public void Accept_Language_that_rules_out_every_language_is_a_406_listing_them(string acceptLanguage)
    {
        Assert.False(LanguageNegotiation.TryChoose(Request(acceptLanguage), Offered, out _, out var problem));
        Assert.Equal(406, problem.Status);
        Assert.Equal("urn:leaflets:problem:not-acceptable-language", problem.Type);
        Assert.Contains("en-GB, cy", problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cy", "cy")]
    [InlineData("CY", "cy")]
    [InlineData("en-gb", "en-GB")]
    public void The_lang_parameter_beats_Accept_Language_and_answers_with_the_offered_spelling(string lang, string chosen)
    {
        Assert.True(LanguageNegotiation.TryChoose(Request("en-GB, *;q=0", lang), Offered, out var language, out _));
        Assert.Equal(chosen, language);
    }

    [Theory]
    [InlineData("")]
    [InlineData("welsh!")]
    [InlineData("c")]
    [InlineData("cy,en")]
    public void A_lang_parameter_that_is_not_a_language_tag_is_a_400(string lang)
    {
        Assert.False(LanguageNegotiation.TryChoose(Request(null, lang), Offered, out _, out var problem));
        Assert.Equal(400, problem.Status);
        Assert.Equal("urn:leaflets:problem:invalid-parameter", problem.Type);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    [InlineData("cy-GB")]
    public void A_lang_parameter_naming_a_language_not_offered_is_a_404_listing_the_offered_ones(string lang)
    {
        Assert.False(LanguageNegotiation.TryChoose(Request("cy", lang), Offered, out _, out var problem));
        Assert.Equal(404, problem.Status);
        Assert.Equal("urn:leaflets:problem:missing-language", problem.Type);
        Assert.Contains($"'{lang}'", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("en-GB, cy", problem.Detail, StringComparison.Ordinal);
    }
}
