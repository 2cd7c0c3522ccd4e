"""Public pages. Every record is read through ``published()``."""

from django.shortcuts import get_object_or_404, render

from catalog.models import Artifact, Person, Photograph
from exhibition.models import Exhibition, Section


def home(request):
    exhibition = Exhibition.objects.published().first()
    sections = Section.objects.published().filter(exhibition=exhibition)
    return render(
        request,
        "exhibition/home.html",
        {"exhibition": exhibition, "sections": sections},
    )


def section_detail(request, slug):
    section = get_object_or_404(Section.objects.published(), slug=slug)
    return render(request, "exhibition/section_detail.html", {"section": section})


def artifact_detail(request, slug):
    artifact = get_object_or_404(Artifact.objects.published(), slug=slug)
    return render(request, "exhibition/artifact_detail.html", {"artifact": artifact})


def photograph_detail(request, slug):
    photograph = get_object_or_404(Photograph.objects.published(), slug=slug)
    return render(
        request, "exhibition/photograph_detail.html", {"photograph": photograph}
    )


def person_detail(request, slug):
    person = get_object_or_404(Person.objects.published(), slug=slug)
    return render(request, "exhibition/person_detail.html", {"person": person})
