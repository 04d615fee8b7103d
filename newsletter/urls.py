from django.urls import path

from newsletter import views

app_name = "newsletter"

urlpatterns = [
    path("subscribe/", views.subscribe, name="subscribe"),
    path("check-your-inbox/", views.check_inbox, name="check_inbox"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("preferences/<str:token>/", views.preferences, name="preferences"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("stop/<str:token>/", views.stop_follow, name="stop_follow"),
    path("your-data/<str:token>/", views.your_data, name="your_data"),
    path("webhooks/bounces/", views.bounce_webhook, name="bounce_webhook"),
]
