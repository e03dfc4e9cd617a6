using System.Globalization;

namespace ScaleSweep.Numerics.Theory.Dmft;

/// <summary>
/// The column-norm nodes the finite-width DMFT leaves out because SGD is past its step-size limit there
/// (<see cref="FiniteWidthDmft"/>): a node stands for the seeds whose column a_k = A(0) e_k has about its norm
/// n = |a_k|^2 / N, and where eta n lambda_k (1 + gamma |w|^2/N) reaches 2 such seeds spike or diverge. Flags are
/// per mode k and node j, at index k nodes + j.
/// </summary>
internal static class UnstableColumnNorms
{
    /// <summary>sum_k (modes the representative k stands for) x (node weight left out of k): about the share of seeds with an unstable column.</summary>
    public static double Share(ModeSet modes, double[] normWeights, bool[] excluded)
    {
        int q = normWeights.Length;
        double share = 0.0;
        for (int k = 0; k < modes.Count; k++)
        {
            for (int j = 0; j < q; j++)
            {
                if (excluded[k * q + j])
                {
                    share += modes.Weight[k] * normWeights[j];
                }
            }
        }

        return share;
    }

    /// <summary>How many nodes are left out.</summary>
    public static int Count(bool[] flags)
    {
        int count = 0;
        foreach (bool f in flags)
        {
            count += f ? 1 : 0;
        }

        return count;
    }

    /// <summary>The error for a share past <see cref="FiniteWidthDmft.MaxUnstableShare"/>: why, where, and what to use instead.</summary>
    public static ArgumentOutOfRangeException Refusal(
        ModeSet modes, double[] norms, bool[] excluded, double eta, double gamma, int t, double share)
    {
        // The example: the first mode (largest lambda) with a node left out, at its smallest such norm.
        int q = norms.Length;
        int first = Array.IndexOf(excluded, true);
        int mode = first / q, node = first % q;

        string reason = string.Create(
            CultureInfo.InvariantCulture,
            $"at t = {t} the column norms past SGD's step-size limit carry {share:P2} of the seeds' weight, more than the {FiniteWidthDmft.MaxUnstableShare:P0} the solver may leave out; e.g. lambda = {modes.Lambda[mode]:G4} at n = |a_k|^2/N = {norms[node]:G4} (gamma = {gamma:G4}), about where eta n lambda (1 + gamma |w|^2/N) reaches 2. Seeds like these sit at SGD's edge of stability, where their loss spikes and then recovers or diverges; the DMFT's closure, linear in each mode, cannot follow that (its error there grows without bound), so its curve would not be a seed mean. Use a smaller eta, or simulate for these settings");
        string allowed = string.Create(
            CultureInfo.InvariantCulture, $"a step size at which SGD is stable for all but {FiniteWidthDmft.MaxUnstableShare:P0} of the finite-width DMFT's column norms");
        return TheoryArguments.OutOfRange(eta, nameof(eta), allowed, reason);
    }
}
