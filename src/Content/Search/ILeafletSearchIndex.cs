namespace Leaflets.Content.Search;

/// <summary>
/// Search over one snapshot of the catalog: the words of <see cref="LeafletQuery.Words"/> (every word must match, in
/// any field of any variant and language; a word of five letters or more also matches with a typing error, ranked
/// below exact matches), the topic, code and language filters, ordered by <see cref="LeafletQuery.Sort"/> and paged,
/// with a <see cref="Snippet"/> for each leaflet a word matched. Safe to call from many requests at once.
/// <see cref="LuceneLeafletIndex"/> is the one here; a service such as Azure AI Search could stand in for a library
/// that outgrows one instance.
/// <para>
/// Asynchronous because a service standing in answers over the network, and a catalog's index may still be opening: a
/// request waiting on either must give its thread back, or at 64 connections on two cores the pool starves and every
/// route waits (bench/README, "Scale"). <see cref="LuceneLeafletIndex"/> reads nothing from the content source (its
/// snippets are cut from the texts it stores) and completes at once.
/// </para>
/// </summary>
public interface ILeafletSearchIndex
{
    ValueTask<SearchPage> SearchAsync(LeafletQuery query, CancellationToken cancellationToken);
}
