using InvoicePipeline.Worker.Ingestion.Scanned;

namespace InvoicePipeline.Worker.Tests.Scanned;

public sealed class TesseractTsvFacts
{
    private const string Tsv =
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
        "1\t1\t0\t0\t0\t0\t0\t0\t1000\t1250\t-1\t\n" +
        "5\t1\t4\t1\t2\t1\t60\t300\t140\t22\t91.5\tFakturanummer:\n" +
        "5\t1\t4\t1\t2\t2\t320\t300\t80\t22\t96\t995392\n" +
        "5\t1\t4\t1\t3\t1\t60\t340\t10\t22\t95\t \n" +
        "5\t2\t1\t1\t1\t1\t60\t40\t80\t22\t88\tSida\n";

    [Fact]
    public void Parse_ReadsWordRows_WithBoxConfidenceAndLine()
    {
        var words = TesseractTsv.Parse(Tsv);

        Assert.Equal(["Fakturanummer:", "995392", "Sida"], words.Select(w => w.Text));
        Assert.Equal(0.915, words[0].Confidence, 3);
        Assert.Equal((60d, 300d, 140d, 22d), (words[0].Left, words[0].Top, words[0].Width, words[0].Height));
        Assert.Equal(words[0].Line, words[1].Line);
        Assert.NotEqual(words[1].Line, words[2].Line);
        Assert.Equal(2, words[2].Page);
    }
}
