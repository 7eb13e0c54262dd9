using Leaflets.Content.Readability;

namespace Leaflets.Content.Checking;

/// <summary>
/// The one definition of what content must pass before it goes out: the authoring rules and the readability
/// thresholds. <c>leaflets check</c> and <c>leaflets publish</c> both use it, so they can never disagree.
/// </summary>
public static class PublishGate
{
    public static ContentCheck Create() => new([new ReadabilityContentCheck()]);
}
