using System.CommandLine;

namespace ScaleSweep.Client.Commands.Spectra;

/// <summary>
/// `scalesweep spectrum`: measured spectra (docs/spectra.md). `fit` estimates alpha and beta of a spectrum file,
/// `kernel` computes a spectrum file from a data set under a random-feature kernel, `circle` writes the circle
/// experiment's task (the NTK of a ReLU^qPhi MLP, Sec. 5.1).
/// </summary>
internal static class SpectrumCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command(
            "spectrum",
            "Measured spectra (docs/spectra.md): 'spectrum fit FILE' estimates the capacity alpha and source beta of a "
            + "spectrum file 'k,lambda,wstar' and the exponents they predict; 'spectrum kernel DATA' writes the spectrum "
            + "of a data set under a random-feature kernel; 'spectrum circle' the task of the circle experiment (Sec. 5.1) under an MLP's NTK.");
        command.Subcommands.Add(SpectrumFitCommand.Create(environment));
        command.Subcommands.Add(SpectrumKernelCommand.Create(environment));
        command.Subcommands.Add(SpectrumCircleCommand.Create(environment));
        return command;
    }
}
