using System.Collections.Concurrent;
using ScaleSweep.Numerics.Spectra;

namespace ScaleSweep.Grains.Abstractions.Serialization;

/// <summary>
/// One instance per measured task in a process: every run of a sweep on a spectrum arrives with its own copy of the
/// values, and a silo holds many runs (idle activations, runs in flight), so equal spectra (same
/// <see cref="Spectrum.Fingerprint"/>, computed from the values that arrived) share one. Entries are weak, so a task no
/// run holds any more is collected.
/// </summary>
internal static class SpectrumInterner
{
    // Pruned of dead entries when it grows past this; a silo sees few distinct tasks at a time.
    private const int PruneAbove = 64;

    private static readonly ConcurrentDictionary<string, WeakReference<Spectrum>> Live = new(StringComparer.Ordinal);

    /// <summary>The process's instance of the spectrum with these values, validated (a bad one throws <see cref="SpectrumException"/>).</summary>
    public static Spectrum Intern(double[] lambda, double[] wStar, string description)
    {
        Spectrum arrived = Spectrum.FromValues(lambda, wStar, description);
        if (Live.TryGetValue(arrived.Fingerprint, out WeakReference<Spectrum>? known) && known.TryGetTarget(out Spectrum? shared))
        {
            return shared;
        }

        Live[arrived.Fingerprint] = new WeakReference<Spectrum>(arrived);
        if (Live.Count > PruneAbove)
        {
            foreach ((string key, WeakReference<Spectrum> reference) in Live)
            {
                if (!reference.TryGetTarget(out _))
                {
                    Live.TryRemove(key, out _);
                }
            }
        }

        return arrived;
    }
}
