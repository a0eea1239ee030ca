import mongoose, { Schema } from 'mongoose';

/** One document naming the deployment's district and whether its data is the fictional demo. */
const districtSchema = new Schema(
  {
    key: { type: String, required: true, default: 'district' },
    name: { type: String, required: true },
    demo: { type: Boolean, required: true },
    demoSeed: { type: Number, default: null },
    demoCadres: { type: Number, default: null },
    // Set while the demo district is being written, cleared when it is complete: a load killed
    // part-way leaves it set, and the next start removes what that load wrote (load-demo-district.ts).
    demoLoading: { type: Boolean, default: false },
  },
  { timestamps: true, collection: 'district' },
);
districtSchema.index({ key: 1 }, { unique: true });

export const DistrictModel = mongoose.model('District', districtSchema);
