using Leaflets.Functions.Http;
using Microsoft.Extensions.Primitives;

namespace Leaflets.Api.Tests;

public sealed class ParsedHeadersTests
{
    private sealed class CountingParse
    {
        public int Calls { get; private set; }

        public string Parse(StringValues fieldLines)
        {
            Calls++;
            return string.Join('|', fieldLines.ToArray());
        }
    }

    [Fact]
    public void A_header_value_is_parsed_once_and_its_parse_kept()
    {
        var counting = new CountingParse();
        var parsed = new ParsedHeaders<string>(counting.Parse);
        var atStart = counting.Calls; // the parse of no header, made once

        Assert.Equal("br, gzip", parsed.Of("br, gzip"));
        Assert.Equal("br, gzip", parsed.Of("br, gzip"));
        Assert.Equal("", parsed.Of(StringValues.Empty));

        Assert.Equal(atStart + 1, counting.Calls);
    }

    [Fact]
    public void Values_beyond_the_bound_are_parsed_for_each_request_and_answered_the_same()
    {
        var counting = new CountingParse();
        var parsed = new ParsedHeaders<string>(counting.Parse);
        for (var i = 0; i < ParsedHeaders<string>.MaxValues; i++)
        {
            parsed.Of($"value-{i}");
        }
        var kept = counting.Calls;

        Assert.Equal("value-0", parsed.Of("value-0"));
        Assert.Equal(kept, counting.Calls);
        Assert.Equal("one more", parsed.Of("one more"));
        Assert.Equal("one more", parsed.Of("one more"));
        Assert.Equal(kept + 2, counting.Calls);
    }

    [Fact]
    public void A_long_value_or_one_on_two_field_lines_is_parsed_each_time()
    {
        var counting = new CountingParse();
        var parsed = new ParsedHeaders<string>(counting.Parse);
        var atStart = counting.Calls;
        var tooLong = new string('a', ParsedHeaders<string>.MaxValueLength + 1);
        StringValues twoLines = new(["br", "gzip"]);

        parsed.Of(tooLong);
        parsed.Of(tooLong);
        Assert.Equal("br|gzip", parsed.Of(twoLines));
        Assert.Equal("br|gzip", parsed.Of(twoLines));

        Assert.Equal(atStart + 4, counting.Calls);
    }
}
