using System.Text;

namespace InvoicePipeline.Worker.Ingestion.EInvoices;

/// <summary>The name of an element or attribute: local name and namespace (both atomized by the reader's name table).</summary>
internal readonly record struct UblName(string LocalName, string NamespaceName);

/// <summary>Where a finding points: an element or one of its attributes.</summary>
internal abstract class UblObject;

/// <summary>
/// One element of a read document. The tree is built in one pass of an <see cref="System.Xml.XmlReader"/> (see
/// <see cref="SafeXmlLoader"/>) and holds only what the mapper and the rules ask for: names, the namespace prefix
/// as written (for the XPath of a finding), attributes, text and children — a fraction of what an XDocument builds.
/// </summary>
internal sealed class UblElement(UblName name, string prefix, UblElement? parent) : UblObject
{
    private static readonly List<UblElement> NoElements = [];
    private List<UblElement>? _children;
    private string? _text;
    private (UblName Name, string Value)[]? _attributes;

    public UblName Name { get; } = name;

    private readonly List<UblElement>? _documentOrder = parent is null ? [] : null;

    /// <summary>On the root: every element below it in document order, recorded by the loader (empty elsewhere).</summary>
    public List<UblElement> DocumentOrder => _documentOrder ?? NoElements;

    /// <summary>The prefix the sender wrote on this element ("" for none).</summary>
    public string Prefix { get; } = prefix;
    public UblElement? Parent { get; } = parent;
    public bool HasElements => _children is { Count: > 0 };

    /// <summary>The child elements in document order.</summary>
    public List<UblElement> Elements() => _children ?? NoElements;

    /// <summary>The text of this element and of its descendants, as XElement.Value.</summary>
    public string Value
    {
        get
        {
            if (_children is null) return _text ?? "";
            var sb = new StringBuilder(_text);
            foreach (var c in _children) sb.Append(c.Value);
            return sb.ToString();
        }
    }

    /// <summary>An attribute without namespace by local name (as XElement.Attribute("name")).</summary>
    public UblAttribute? Attribute(string localName) =>
        AttributeValue(localName) is { } value ? new UblAttribute(this, new UblName(localName, ""), value) : null;

    public int AttributeCount => _attributes?.Length ?? 0;

    public UblName AttributeName(int index) => _attributes![index].Name;

    /// <summary>The value of an attribute without namespace, or null.</summary>
    public string? AttributeValue(string localName) => AttributeValue(localName, "");

    /// <summary>Whether the element carries an attribute with this local name in this namespace (e.g. xsi:schemaLocation).</summary>
    public bool HasAttribute(string localName, string namespaceName) => AttributeValue(localName, namespaceName) is not null;

    private string? AttributeValue(string localName, string namespaceName)
    {
        if (_attributes is null) return null;
        foreach (var (name, value) in _attributes)
            if (string.Equals(name.LocalName, localName, StringComparison.Ordinal) && string.Equals(name.NamespaceName, namespaceName, StringComparison.Ordinal)) return value;
        return null;
    }

    public IEnumerable<UblElement> Ancestors()
    {
        for (var p = Parent; p is not null; p = p.Parent) yield return p;
    }

    private Dictionary<string, UblElement>? _firstByName;

    /// <summary>
    /// The first child with this local name. Elements with many children (the document root: thirty and more, asked
    /// for a hundred times by the mapper and the rules) get an index on first use; small ones are scanned.
    /// </summary>
    public UblElement? FirstChild(string localName)
    {
        var children = _children;
        if (children is null) return null;
        if (children.Count < 12)
        {
            foreach (var c in children)
                if (string.Equals(c.Name.LocalName, localName, StringComparison.Ordinal)) return c;
            return null;
        }
        if (_firstByName is null)
        {
            _firstByName = new Dictionary<string, UblElement>(children.Count, StringComparer.Ordinal);
            foreach (var c in children) _firstByName.TryAdd(c.Name.LocalName, c);
        }
        return _firstByName.GetValueOrDefault(localName);
    }

    internal void Add(UblElement child) => (_children ??= []).Add(child);

    internal void AddToDocumentOrder(UblElement element) => _documentOrder!.Add(element);

    internal void AddText(string text) => _text = _text is null ? text : _text + text;

    /// <summary>
    /// A binary object (an attachment's base64) as the loader counted it: base64 characters (whitespace not counted) and
    /// the padding ('=') at the end, which give the decoded size. Its text is kept only within the in-memory limit;
    /// a larger one has <see cref="HasOmittedText"/> and an empty <see cref="Value"/>.
    /// </summary>
    public long Base64Chars { get; private set; }

    public int Base64Padding { get; private set; }

    public long Base64DecodedSize => Base64Chars / 4 * 3 - Base64Padding;

    public bool HasOmittedText { get; private set; }

    internal void SetBase64(string? text, long chars, int padding)
    {
        (_text, Base64Chars, Base64Padding, HasOmittedText) = (text, chars, padding, text is null);
    }

    internal void SetAttributes((UblName Name, string Value)[] attributes) => _attributes = attributes;
}

/// <summary>An attribute of an element (namespace declarations are not kept).</summary>
internal sealed class UblAttribute(UblElement parent, UblName name, string value) : UblObject
{
    public UblElement Parent { get; } = parent;
    public UblName Name { get; } = name;
    public string Value { get; } = value;
}
