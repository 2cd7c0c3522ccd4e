"""Who else has a record's change form open, told without a websocket.

An open change form reports itself every ``PING_SECONDS`` through a small JSON
request; the cache remembers who reported on which record, and forgets anyone
silent for ``AWAY_SECONDS``. The form shows the others' names, so two people
learn early that they are on the same record (a stale save is still refused).
"""

import time

from django.core.cache import cache
from django.http import JsonResponse
from django.template.loader import render_to_string
from django.urls import path, reverse

PING_SECONDS = 20
AWAY_SECONDS = 60


def presence_key(model, pk):
    return f"editing:{model._meta.label_lower}:{pk}"


def note_editing(model, pk, user):
    """Record that ``user`` has the form open; return the others, by name."""
    key = presence_key(model, pk)
    now = time.time()
    present = {
        uid: (name, seen)
        for uid, (name, seen) in (cache.get(key) or {}).items()
        if now - seen < AWAY_SECONDS
    }
    present[user.pk] = (user.get_full_name() or user.get_username(), now)
    cache.set(key, present, AWAY_SECONDS * 2)
    return sorted(name for uid, (name, _seen) in present.items() if uid != user.pk)


class PresenceAdmin:
    """A ModelAdmin mixin: change forms show who else is editing the record."""

    def get_urls(self):
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path(
                "<path:object_id>/editing/",
                self.admin_site.admin_view(self.editing_view),
                name=f"{info}_editing",
            ),
            *super().get_urls(),
        ]

    def editing_view(self, request, object_id):
        obj = self.get_object(request, object_id)
        if obj is None or not self.has_change_permission(request, obj):
            return JsonResponse({"html": ""}, status=404)
        others = note_editing(self.model, obj.pk, request.user)
        html = render_to_string(
            "admin/includes/editing_now.html", {"others_editing": others}, request
        )
        return JsonResponse({"html": html, "others": others})

    def render_change_form(self, request, context, add=False, change=False, **kw):
        obj = context.get("original")
        if obj is not None and obj.pk:
            context["others_editing"] = note_editing(self.model, obj.pk, request.user)
            info = f"{self.opts.app_label}_{self.opts.model_name}"
            context["editing_url"] = reverse(f"admin:{info}_editing", args=[obj.pk])
            context["editing_ping_ms"] = PING_SECONDS * 1000
        return super().render_change_form(request, context, add, change, **kw)
