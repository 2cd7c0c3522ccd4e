"""The XML of a response: namespaces, the OAI-PMH envelope and safe text.

Built with lxml, so markup in a curator's text is always escaped, a response is
well-formed by construction and each namespace gets the prefix harvesters expect
(the standard library's ElementTree cannot give the OAI namespace as the default
alongside unprefixed attributes).
"""

import re

from django.http import HttpResponse
from django.utils import timezone
from lxml import etree

from exhibition.interop.oai.dates import datestamp

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"

# Characters XML 1.0 cannot carry at all, even escaped.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(text):
    return NOT_XML.sub("", str(text))


def oai(tag):
    return f"{{{OAI}}}{tag}"


def add(parent, tag, text=None, **attributes):
    """A child element of ``parent`` in the OAI namespace (or ``tag`` as given when
    it names its own namespace)."""
    element = etree.SubElement(parent, tag if tag.startswith("{") else oai(tag))
    for name, value in attributes.items():
        element.set(name, clean(value))
    if text is not None:
        element.text = clean(text)
    return element


def envelope(base_url, arguments):
    """The ``OAI-PMH`` root with its ``responseDate`` and ``request``."""
    root = etree.Element(oai("OAI-PMH"), nsmap={None: OAI, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{OAI} {OAI_SCHEMA}")
    add(root, "responseDate", datestamp(timezone.now()))
    add(root, "request", base_url, **arguments)
    return root


def verb_element(verb):
    """A verb's response element, filled in before it joins the envelope."""
    return etree.Element(oai(verb), nsmap={None: OAI})


def dublin_core(parent):
    """An empty ``oai_dc:dc`` record under ``parent``."""
    dc = etree.SubElement(
        parent, f"{{{OAI_DC}}}dc", nsmap={"oai_dc": OAI_DC, "dc": DC, "xsi": XSI}
    )
    dc.set(f"{{{XSI}}}schemaLocation", f"{OAI_DC} {OAI_DC_SCHEMA}")
    return dc


def response(root):
    body = etree.tostring(root, encoding="UTF-8", xml_declaration=True)
    return HttpResponse(body, content_type="text/xml; charset=utf-8")
