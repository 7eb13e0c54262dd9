using System.Globalization;
using Leaflets.Content.Caching;

namespace Leaflets.Content.Tests.Caching;

/// <summary>
/// <see cref="HeapLimit.Apply"/> refuses a limit out of range with a message naming the setting, before the runtime is
/// told anything. A limit in range is not applied here: the tests share one process, and its heap with it.
/// </summary>
public sealed class HeapLimitTests
{
    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    [InlineData(HeapLimit.LeastMegabytes - 1)]
    [InlineData(HeapLimit.MostMegabytes + 1)]
    public void A_heap_limit_out_of_range_is_refused_naming_the_setting_and_the_runtime_is_not_told(int megabytes)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => HeapLimit.Apply(megabytes));

        Assert.Contains("Content:HeapLimitMegabytes", refused.Message, StringComparison.Ordinal);
        Assert.Contains(megabytes.ToString(CultureInfo.InvariantCulture), refused.Message, StringComparison.Ordinal);
        Assert.Null(AppContext.GetData("GCHeapHardLimit"));
    }

    [Fact]
    public void No_heap_limit_tells_the_runtime_nothing()
    {
        HeapLimit.Apply(0);

        Assert.Null(AppContext.GetData("GCHeapHardLimit"));
    }
}
