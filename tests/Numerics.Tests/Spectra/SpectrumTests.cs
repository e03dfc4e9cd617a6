using ScaleSweep.Numerics.Spectra;

namespace ScaleSweep.Numerics.Tests.Spectra;

public class SpectrumTests
{
    [Fact]
    public void PowerLawTaskHasThePapersExponents()
    {
        var s = Spectrum.PowerLaw(2.0, 0.5, 1000);
        Assert.Equal(1000, s.M);
        for (int k = 1; k <= 1000; k += 37)
        {
            Assert.Equal(Math.Pow(k, -2.0), s.Lambda[k - 1], 1e-15 * Math.Pow(k, -2.0) * 10);

            // wStar_k^2 lambda_k = k^-(alpha beta + 1) = k^-2.
            Assert.Equal(Math.Pow(k, -2.0), s.WStar[k - 1] * s.WStar[k - 1] * s.Lambda[k - 1], 1e-13);
        }

        double expected = Enumerable.Range(1, 1000).Sum(k => Math.Pow(k, -2.0));
        Assert.Equal(expected, s.InitialLoss, 1e-12);
    }

    [Theory]
    [InlineData(1.0, 0.5, 10, "alpha = 1 is out of range: alpha must be a finite number > 1")]
    [InlineData(double.NaN, 0.5, 10, "alpha = NaN is out of range")]
    [InlineData(2.0, 0.0, 10, "beta = 0 is out of range: beta must be a finite number > 0")]
    [InlineData(2.0, double.PositiveInfinity, 10, "beta = Infinity is out of range")]
    [InlineData(2.0, 0.5, 0, "M = 0 is out of range: M must be an integer from 1 to")]
    public void BadPowerLawParametersAreNamed(double alpha, double beta, int m, string message)
    {
        Assert.Contains(message, Assert.Throws<SpectrumException>(() => Spectrum.PowerLaw(alpha, beta, m)).Message);
    }

    [Fact]
    public void CsvWithHeaderCommentsAndAnyOrderLoads()
    {
        var csv = "# measured\nk,lambda,wstar\n2,0.25,0.5\n1,1.0,1.0\n\n3,0.1,-0.2\n";
        var s = SpectrumCsv.Parse(new StringReader(csv), "test.csv");
        Assert.Equal([1.0, 0.25, 0.1], s.Lambda.ToArray());
        Assert.Equal([1.0, 0.5, -0.2], s.WStar.ToArray());
        Assert.Equal(1.0 + 0.25 * 0.25 + 0.1 * 0.04, s.InitialLoss, 15);
        Assert.Equal(SpectrumCsv.Parse(new StringReader(csv), "other.csv").Fingerprint, s.Fingerprint);
    }

    [Theory]
    [InlineData("", "test.csv: the file has no modes")]
    [InlineData("k,lambda,wstar\n", "test.csv: the file has no modes")]
    [InlineData("1,1.0\n", "test.csv line 1: expected 3 comma-separated fields")]
    [InlineData("1,-0.5,1\n", "test.csv line 1: lambda = -0.5 is out of range: lambda must be a finite number >= 0")]
    [InlineData("1,NaN,1\n", "test.csv line 1: lambda = NaN is out of range")]
    [InlineData("1,1,inf\n", "test.csv line 1: wstar = 'inf' is not a number")]
    [InlineData("1,1,Infinity\n", "test.csv line 1: wstar = Infinity is out of range")]
    [InlineData("1,abc,1\n", "test.csv line 1: lambda = 'abc' is not a number")]
    [InlineData("1,1,1\n1,2,2\n", "test.csv line 2: k = 1 repeats line 1")]
    [InlineData("1,1,1\n3,2,2\n", "test.csv line 2: k = 3 is out of range: with 2 modes")]
    [InlineData("0,1,1\n", "test.csv line 1: k = '0' is out of range")]
    [InlineData("1,1,1\n\0\0\0", "the file is not text")]
    public void BadCsvIsNamedByLineAndField(string csv, string message)
    {
        Assert.Contains(message, Assert.Throws<SpectrumException>(() => SpectrumCsv.Parse(new StringReader(csv), "test.csv")).Message);
    }

    [Fact]
    public void MissingFileIsNamed()
    {
        Assert.Contains("does not exist", Assert.Throws<SpectrumException>(() => SpectrumCsv.Load("/nonexistent/spectrum.csv")).Message);
    }
}
