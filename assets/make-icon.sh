#!/bin/sh
# Regenerates icon.png (the window icon, compiled into the binary) with
# ImageMagick: a speech bubble with a smile and a star, on the app's teal.
set -e
cd "$(dirname "$0")"
convert -size 256x256 xc:none \
  \( -size 256x256 gradient:'#2a9bb0-#155e6e' \) -compose over -composite \
  \( -size 256x256 xc:none -fill white -draw "roundrectangle 0,0 255,255 52,52" \) -compose DstIn -composite \
  -compose over \
  -fill white -stroke none -draw "roundrectangle 44,52 212,172 40,40" \
  -draw "polygon 78,160 70,212 122,168" \
  -fill '#155e6e' -draw "circle 100,100 100,113" -draw "circle 156,100 156,113" \
  -fill none -stroke '#155e6e' -strokewidth 12 -draw "stroke-linecap round path 'M 92,132 Q 128,160 164,132'" \
  -fill '#f2b134' -stroke none -draw "circle 198,196 198,224" \
  -fill white -draw "polygon 198,180 203,192 216,192 206,200 210,212 198,205 186,212 190,200 180,192 193,192" \
  PNG32:icon.png
