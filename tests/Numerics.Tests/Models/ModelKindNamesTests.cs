using ScaleSweep.Numerics.Models;

namespace ScaleSweep.Numerics.Tests.Models;

/// <summary>Every model has one name, and the name reads back as the model.</summary>
public sealed class ModelKindNamesTests
{
    [Fact]
    public void Every_model_has_a_name_that_reads_back_as_itself()
    {
        Assert.Equal(Enum.GetValues<ModelKind>().Length, ModelKindNames.ByName.Count);
        foreach (ModelKind model in Enum.GetValues<ModelKind>())
        {
            Assert.Equal(model, ModelKindNames.ByName[ModelKindNames.Name(model)]);
        }
    }

    [Fact]
    public void The_names_are_the_ones_specs_and_the_cli_document()
    {
        Assert.Equal(["projected", "linear-network", "mlp-circle"], ModelKindNames.ByName.Keys);
    }
}
