"""Line drawings for the placeholder cards: ``MOTIFS[name](draw, x, y, size)``."""

from inspect import getmembers, isfunction

from exhibition.demo.motifs import paper, things

MOTIFS = {
    name: function
    for module in (paper, things)
    for name, function in getmembers(module, isfunction)
    if function.__module__ == module.__name__
}
